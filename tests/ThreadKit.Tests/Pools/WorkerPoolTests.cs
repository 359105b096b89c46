using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ThreadKit.Tests.Pools;

/// <summary>A pooled job is a worker in every respect but its thread, which it borrows from the pool under its own name.</summary>
public sealed partial class WorkerPoolTests : TestBase
{
    [Fact]
    public void While_a_job_runs_its_thread_carries_its_name_and_returns_to_the_pool_name_afterwards()
    {
        using var pool = new WorkerPool("io", 1);
        string? current = null, threadName = null, osName = null;
        NamedWorker? currentWorker = null;
        Thread? poolThread = null;
        var job = pool.Start("fetch page", () =>
        {
            current = NamedWorker.CurrentThreadName;
            threadName = Thread.CurrentThread.Name;
            currentWorker = NamedWorker.Current;
            osName = OwnOsThreadName();
            poolThread = Thread.CurrentThread;
        });
        Join(job);

        current.Should().Be("fetch page");
        threadName.Should().Be("fetch page");
        currentWorker.Should().BeSameAs(job);
        if (osName is not null)
        {
            osName.Should().Be("fetch page", "the operating system's name follows the job too");
        }

        Until(() => poolThread!.Name == "io-1", "afterwards the thread returns to its pool name");
        var automatic = pool.Start(null, static () => NamedWorker.CurrentThreadName);
        automatic.Join().Should().MatchRegex(@"^Thread-\d+$", "a null job name follows the core's automatic-name rule");
    }

    [Fact]
    public void A_jobs_thread_ids_are_null_while_queued_and_the_pool_threads_once_it_runs()
    {
        using var pool = new WorkerPool("ids", 1);
        using var release = new ManualResetEventSlim();
        var blocker = pool.Start("blocker", () => Wait(release));
        var queued = pool.Start("queued", static () => Environment.CurrentManagedThreadId);

        queued.ManagedThreadId.Should().BeNull("a queued job has no thread yet");
        queued.NativeThreadId.Should().BeNull();
        queued.State.Should().Be(WorkerState.Running, "a started job is running or queued to run");
        release.Set();

        var ranOn = queued.Join();
        queued.ManagedThreadId.Should().Be(ranOn).And.Be(blocker.ManagedThreadId, "one thread ran both");
        queued.NativeThreadId.Should().NotBeNull();
    }

    [Fact]
    public void A_queued_job_is_alive_running_and_listed_as_active_all_three_until_it_ends()
    {
        using var pool = new WorkerPool("queued and active", 1);
        using var release = new ManualResetEventSlim();
        var blocker = pool.Start("blocker", () => Wait(release));
        var queued = pool.Start("queued job", static () => { });

        queued.State.Should().Be(WorkerState.Running);
        queued.IsAlive.Should().BeTrue();
        NamedWorker.GetActive().Should().Contain(queued, "a started job that is alive is active, queued or not");
        NamedWorker.GetActive().Should().Contain(blocker);
        NamedWorker.Current.Should().NotBeSameAs(queued, "a queued job has no thread, so no thread finds it as Current");
        release.Set();

        Join(queued);
        queued.IsAlive.Should().BeFalse();
        NamedWorker.GetActive().Should().NotContain(queued).And.NotContain(blocker);
    }

    [Fact]
    public async Task The_whole_worker_API_holds_for_a_pooled_job()
    {
        using var pool = new WorkerPool("api", 2);
        using var started = new ManualResetEventSlim();
        // A job with a stop token is a worker made by Create, started on the pool.
        var stoppable = pool.Start(NamedWorker.Create("stoppable", (CancellationToken stop) =>
        {
            started.Set();
            stop.WaitHandle.WaitOne(UnexpectedTimeout);
            stop.ThrowIfCancellationRequested();
        }));
        var valued = pool.Start("valued", static (int x) => x * 2, 21);
        var faulted = pool.Start("faulted", static () => throw new FormatException("pooled"));
        Wait(started);

        stoppable.Join(ExpectedTimeout).Should().BeFalse();
        stoppable.IsAlive.Should().BeTrue();
        stoppable.RequestStop();
        stoppable.Invoking(w => w.Join()).Should().Throw<OperationCanceledException>();
        stoppable.State.Should().Be(WorkerState.Canceled);
        stoppable.StopToken.IsCancellationRequested.Should().BeTrue();

        valued.Join().Should().Be(42);
        valued.Join(UnexpectedTimeout, out var value).Should().BeTrue();
        value.Should().Be(42);
        (await Await(valued.JoinAsync())).Should().Be(42);

        faulted.Invoking(w => w.Join()).Should().Throw<FormatException>().WithMessage("pooled");
        faulted.Exception.Should().BeOfType<FormatException>();
        faulted.State.Should().Be(WorkerState.Faulted);
        await FluentActions.Awaiting(() => faulted.JoinAsync()).Should().ThrowAsync<FormatException>();

        var disposed = pool.Start(NamedWorker.Create("disposed", (CancellationToken stop) => stop.WaitHandle.WaitOne(UnexpectedTimeout)));
        disposed.Dispose();
        disposed.IsAlive.Should().BeFalse("Dispose requests stop and waits");
    }

    [Fact]
    public void A_fault_is_reported_once_and_never_takes_a_thread_out_of_service()
    {
        using var pool = new WorkerPool("faults", 1);
        var reports = new ConcurrentQueue<NamedWorker>();
        void OnFault(object? sender, WorkerExceptionEventArgs e) => reports.Enqueue(e.Worker);
        NamedWorker.UnhandledException += OnFault;
        try
        {
            var faulted = pool.Start("breaks", static () => throw new InvalidOperationException("boom"));
            faulted.Invoking(w => w.Join()).Should().Throw<InvalidOperationException>();
            var next = pool.Start("after the fault", static () => Environment.CurrentManagedThreadId);

            next.Join().Should().Be(faulted.ManagedThreadId!.Value, "the same thread serves on");
            reports.Count(worker => worker == faulted).Should().Be(1);
        }
        finally
        {
            NamedWorker.UnhandledException -= OnFault;
        }
    }

    [Fact]
    public void Options_cannot_be_set_on_a_pooled_job_once_it_has_started()
    {
        using var pool = new WorkerPool("no options", 1);
        var job = pool.Start("optionless", static () => { });

        job.Invoking(w => w.StackSize = NamedWorker.MinimumStackSize).Should().Throw<InvalidOperationException>()
            .WithMessage("StackSize can only be set before Start; worker 'optionless' has already been started*");
        job.Invoking(w => w.Priority = ThreadPriority.Highest).Should().Throw<InvalidOperationException>().WithMessage("*'optionless'*");
        job.Invoking(w => w.IsBackground = false).Should().Throw<InvalidOperationException>().WithMessage("*'optionless'*");
        job.Invoking(w => w.FlowExecutionContext = false).Should().Throw<InvalidOperationException>().WithMessage("*'optionless'*");
        Join(job);
    }

    [Fact]
    public void Async_bodies_stay_on_their_pool_thread_and_keep_it_busy_until_their_task_completes()
    {
        using var pool = new WorkerPool("async pool", 1);
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var awaiting = new ManualResetEventSlim();
        var job = pool.Start("async job", async () =>
        {
            var thread = Environment.CurrentManagedThreadId;
            awaiting.Set();
            await release.Task;
            await Task.Yield();
            return Environment.CurrentManagedThreadId == thread && NamedWorker.CurrentThreadName == "async job";
        });
        Wait(awaiting);
        var next = pool.Start("next", static () => true);

        next.Join(ExpectedTimeout, out _).Should().BeFalse("the only thread is busy until the async job's task completes");
        release.SetResult(true);
        job.Join().Should().BeTrue();
        next.Join().Should().BeTrue();
    }

    [Fact]
    public void Never_more_than_MaxThreads_threads_started_on_demand_and_beyond_that_first_in_first_out()
    {
        using var pool = new WorkerPool("bounded", 2);
        pool.ThreadCount.Should().Be(0, "a pool starts with no threads");
        using var release = new ManualResetEventSlim();
        var running = new CountdownEvent(2);
        var order = new ConcurrentQueue<int>();
        var blockers = Enumerable.Range(0, 2).Select(i => pool.Start($"blocker {i}", () => { running.Signal(); Wait(release); })).ToList();
        Wait(running);
        var queued = Enumerable.Range(0, 5).Select(i => pool.Start($"queued {i}", () => order.Enqueue(i))).ToList();

        pool.ThreadCount.Should().Be(2);
        pool.QueuedCount.Should().Be(5);
        pool.BusyCount.Should().Be(2);
        release.Set();
        queued.ForEach(Join);

        pool.ThreadCount.Should().BeLessThanOrEqualTo(2);
        blockers.ForEach(Join);
        using var single = new WorkerPool("single", 1);
        var inOrder = new List<int>();
        var jobs = Enumerable.Range(0, 50).Select(i => single.Start(null, () => inOrder.Add(i))).ToList();
        jobs.ForEach(Join);
        inOrder.Should().Equal(Enumerable.Range(0, 50), "with one thread, jobs run in the order they were submitted");
    }

    [Fact]
    public void Idle_threads_block_and_retire_after_the_idle_timeout_and_work_then_starts_a_new_one()
    {
        var clock = new FakeTimeProvider();
        using var pool = new WorkerPool("retiring", 2, new WorkerPoolOptions { TimeProvider = clock }) { IdleTimeout = TimeSpan.FromMinutes(1) };
        Join(pool.Start("first", static () => { }));

        // The idle wait is timed by the pool's clock: a second short of the timeout keeps the thread, the timeout retires it.
        Until(() => WorkerDiagnostics.GetThreads().Any(static thread => thread.Name == "retiring-1"), "the idle thread takes its name back, its timeout armed");
        clock.Advance(TimeSpan.FromSeconds(59));
        Never(() => pool.ThreadCount == 0, "59 s is short of the idle timeout");
        clock.Advance(TimeSpan.FromSeconds(1));
        Until(() => pool.ThreadCount == 0, "an idle thread retires after IdleTimeout");
        var again = pool.Start("again", static () => NamedWorker.CurrentThreadName);
        again.Join().Should().Be("again", "a pool with no threads starts one when work arrives");

        using var keeping = new WorkerPool("keeping", 1) { IdleTimeout = Timeout.InfiniteTimeSpan };
        var kept = keeping.Start("kept", static () => { });
        Join(kept);
        StaysClosed(new ManualResetEventSlim(keeping.ThreadCount == 0), "an infinite idle timeout keeps the thread");
        WorkerPool.DefaultIdleTimeout.Should().Be(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void Pool_threads_are_its_own_background_threads_never_the_thread_pools()
    {
        using var pool = new WorkerPool("own threads", 1);

        var job = pool.Start("where", static () => (Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.IsBackground));

        job.Join().Should().Be((false, true));
    }

    [Fact]
    public async Task Complete_runs_everything_queued_then_ends_the_threads_and_refuses_later_jobs()
    {
        var pool = new WorkerPool("closing", 1);
        using var release = new ManualResetEventSlim();
        var ran = new ConcurrentQueue<int>();
        var blocker = pool.Start("blocker", () => Wait(release));
        var queued = Enumerable.Range(0, 10).Select(i => pool.Start(null, () => ran.Enqueue(i))).ToList();

        pool.Complete();
        pool.Invoking(p => p.Start("late", static () => { })).Should().Throw<InvalidOperationException>()
            .WithMessage("Pool 'closing' has been completed*");
        pool.Completion.IsCompleted.Should().BeFalse();
        release.Set();

        await Await(pool.Completion);
        ran.Should().HaveCount(10);
        pool.ThreadCount.Should().Be(0);
        queued.Should().OnlyContain(job => job.State == WorkerState.Completed);
        Join(blocker);
    }

    [Fact]
    public async Task Dispose_and_DisposeAsync_complete_the_pool_and_wait_for_it()
    {
        var pool = new WorkerPool("disposed", 2);
        var count = 0;
        for (var i = 0; i < 100; i++)
        {
            pool.Start(null, () => Interlocked.Increment(ref count));
        }

        pool.Dispose();
        count.Should().Be(100);
        pool.Completion.IsCompletedSuccessfully.Should().BeTrue();

        var asyncPool = new WorkerPool("disposed async", 2);
        var job = asyncPool.Start(null, static () => 5);
        await Await(asyncPool.DisposeAsync().AsTask());
        job.State.Should().Be(WorkerState.Completed);
    }

    [Fact]
    public async Task The_scheduler_runs_tasks_on_the_pools_threads()
    {
        using var pool = new WorkerPool("scheduled", 3);

        var name = await Await(Task.Factory.StartNew(static () => NamedWorker.CurrentThreadName, CancellationToken.None, TaskCreationOptions.None, pool.Scheduler));

        pool.Scheduler.MaximumConcurrencyLevel.Should().Be(3);
        name.Should().StartWith("scheduled-");
    }

    [Fact]
    public void Bad_input_throws_clearly_at_the_call()
    {
        FluentActions.Invoking(() => new WorkerPool("zero", 0)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("maxThreads");
        FluentActions.Invoking(() => new WorkerPool("bad\0name", 1)).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("name");
        using var pool = new WorkerPool(null, 1);
        pool.Name.Should().MatchRegex(@"^Pool-\d+$");
        pool.Invoking(p => p.IdleTimeout = TimeSpan.FromMilliseconds(-2)).Should().Throw<ArgumentOutOfRangeException>();
        pool.Invoking(p => p.Start("null body", (Action)null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("body");
        pool.Invoking(p => p.Start("bad\0job", static () => { })).Should().Throw<ArgumentException>();
        pool.QueuedCount.Should().Be(0, "a rejected call queues nothing");
    }

    [Fact]
    public void Eight_threads_submitting_2000_jobs_each_to_a_4_thread_pool_lose_nothing_and_leave_nothing_active()
    {
        using var pool = new WorkerPool("loaded", 4);
        var jobs = new NamedWorker<int>[8 * 2000];
        using var go = new ManualResetEventSlim();
        var submitters = Enumerable.Range(0, 8).Select(s => new Thread(() =>
        {
            Wait(go);
            for (var i = s * 2000; i < (s + 1) * 2000; i++)
            {
                jobs[i] = pool.Start(null, static (int x) => x, i);
            }
        })).ToList();

        submitters.ForEach(thread => thread.Start());
        go.Set();
        submitters.ForEach(Join);

        jobs.Select((job, i) => job.Join() == i).Should().OnlyContain(matched => matched, "every job can be joined and gives its own value");
        NamedWorker.GetActive().Should().NotContain(jobs);
        pool.ThreadCount.Should().BeLessThanOrEqualTo(4);
    }

    /// <summary>The calling thread's name as Linux shows it (its first 15 bytes), or null elsewhere.</summary>
    private static string? OwnOsThreadName() =>
        System.IO.File.Exists("/proc/thread-self/comm") ? System.IO.File.ReadAllText("/proc/thread-self/comm").TrimEnd('\n') : null;
}
