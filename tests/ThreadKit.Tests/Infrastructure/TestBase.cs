using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;

namespace ThreadKit.Tests;

/// <summary>
/// The base of every test class, as vs-threading's <c>TestBase</c> is: every wait in the suite is bounded, so a bug
/// fails a test after <see cref="UnexpectedTimeout"/> instead of hanging the run.
/// </summary>
/// <remarks>
/// Two timeouts, for two kinds of wait. <see cref="UnexpectedTimeout"/> bounds a wait for something that should
/// happen: it only runs out when the code under test is broken, so it can be long. <see cref="ExpectedTimeout"/>
/// bounds a wait for something that should <em>not</em> happen: every passing run spends it, so it is short.
/// Threads are coordinated with gates (<see cref="ManualResetEventSlim"/>), never with sleeps.
/// </remarks>
public abstract class TestBase
{
    /// <summary>How long to wait for something that should happen before calling the test failed.</summary>
    public static readonly TimeSpan UnexpectedTimeout = TimeSpan.FromSeconds(15);

    /// <summary>How long to watch for something that should not happen before calling the test passed.</summary>
    public static readonly TimeSpan ExpectedTimeout = TimeSpan.FromMilliseconds(200);

    public static void Wait(ManualResetEventSlim gate, string because = "the other thread should get there") =>
        Wait(gate, UnexpectedTimeout, because);

    public static void Wait(ManualResetEventSlim gate, TimeSpan timeout, string because = "the other thread should get there") =>
        gate.Wait(timeout).Should().BeTrue(because);

    public static void Wait(CountdownEvent countdown, string because = "every thread should get there") =>
        countdown.Wait(UnexpectedTimeout).Should().BeTrue(because);

    /// <summary>Watches <paramref name="gate"/> for <see cref="ExpectedTimeout"/> and fails if it opens.</summary>
    public static void StaysClosed(ManualResetEventSlim gate, string because = "nothing should open it") =>
        gate.Wait(ExpectedTimeout).Should().BeFalse(because);

    public static void Join(NamedWorker worker) =>
        worker.Join(UnexpectedTimeout).Should().BeTrue($"worker '{worker.Name}' should finish");

    public static void Join(Thread thread) =>
        thread.Join(UnexpectedTimeout).Should().BeTrue($"thread '{thread.Name}' should finish");

    public static Task<T> Await<T>(Task<T> task) => Await(task, UnexpectedTimeout);

    public static Task Await(Task task) => Await(task, UnexpectedTimeout);

    public static async Task<T> Await<T>(Task<T> task, TimeSpan timeout)
    {
        await Await((Task)task, timeout);
        return await task;
    }

    public static async Task Await(Task task, TimeSpan timeout)
    {
        using var timer = new CancellationTokenSource();
        var finished = await Task.WhenAny(task, Task.Delay(timeout, timer.Token));
        finished.Should().BeSameAs(task, "the task should complete within {0}", timeout);
        timer.Cancel();
        await task;
    }

    /// <summary>Watches a condition for <see cref="ExpectedTimeout"/> and fails if it becomes true.</summary>
    public static void Never(Func<bool> condition, string because) =>
        SpinWait.SpinUntil(condition, ExpectedTimeout).Should().BeFalse(because);

    /// <summary>Waits for a condition another thread will make true, for state that offers nothing to wait on.</summary>
    public static void Until(Func<bool> condition, string because) => Until(condition, UnexpectedTimeout, because);

    public static void Until(Func<bool> condition, TimeSpan timeout, string because) =>
        SpinWait.SpinUntil(condition, timeout).Should().BeTrue(because);

    /// <summary>
    /// Tells whether one of ThreadKit's threads is blocked. On Linux it asks the kernel (the thread's state in
    /// <c>/proc</c>, "S" for sleeping), because a pump that waits on a futex is not in the managed
    /// <see cref="ThreadState.WaitSleepJoin"/>; elsewhere it waits on a monitor, which is.
    /// </summary>
    public static bool IsBlocked(Thread thread)
    {
        if (!OperatingSystem.IsLinux())
        {
            return (thread.ThreadState & ThreadState.WaitSleepJoin) != 0;
        }

        return IsSleeping(WorkerDiagnostics.GetThreads().Single(info => info.ManagedThreadId == thread.ManagedThreadId).NativeThreadId!.Value);
    }

    /// <summary>On Linux: tells whether the kernel has the thread with this id asleep, blocked in a wait.</summary>
    public static bool IsSleeping(long nativeThreadId)
    {
        var stat = File.ReadAllText($"/proc/self/task/{nativeThreadId}/stat");

        // The state follows the name, which is in parentheses and may itself hold spaces or parentheses.
        return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('S');
    }
}
