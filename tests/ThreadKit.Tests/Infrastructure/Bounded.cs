using System;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;

namespace ThreadKit.Tests;

/// <summary>
/// Every wait in the suite goes through here, so a bug fails a test after <see cref="UnexpectedTimeout"/> instead of
/// hanging the run.
/// </summary>
internal static class Bounded
{
    public static readonly TimeSpan UnexpectedTimeout = TimeSpan.FromSeconds(15);

    public static void Wait(ManualResetEventSlim gate, string because = "the other thread should get there")
    {
        gate.Wait(UnexpectedTimeout).Should().BeTrue(because);
    }

    public static void Wait(CountdownEvent countdown, string because = "every thread should get there")
    {
        countdown.Wait(UnexpectedTimeout).Should().BeTrue(because);
    }

    public static void Join(NamedWorker worker)
    {
        worker.Join(UnexpectedTimeout).Should().BeTrue($"worker '{worker.Name}' should finish");
    }

    public static void Join(Thread thread)
    {
        thread.Join(UnexpectedTimeout).Should().BeTrue($"thread '{thread.Name}' should finish");
    }

    public static async Task<T> Await<T>(Task<T> task)
    {
        (await Task.WhenAny(task, Task.Delay(UnexpectedTimeout))).Should().BeSameAs(task, "the task should complete");
        return await task;
    }

    public static async Task Await(Task task)
    {
        (await Task.WhenAny(task, Task.Delay(UnexpectedTimeout))).Should().BeSameAs(task, "the task should complete");
        await task;
    }

    /// <summary>Waits for a condition another thread will make true, for state that offers nothing to wait on.</summary>
    public static void Until(Func<bool> condition, string because)
    {
        SpinWait.SpinUntil(condition, UnexpectedTimeout).Should().BeTrue(because);
    }
}
