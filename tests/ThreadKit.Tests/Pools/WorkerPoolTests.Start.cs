using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Pools;

// Running a worker you created yourself on a pool, the pool's completion task, and what a pool keeps after a job.
public sealed partial class WorkerPoolTests
{
    [Fact]
    public void Start_runs_an_unstarted_worker_on_a_pool_thread_under_its_own_name_and_returns_it()
    {
        using var pool = new WorkerPool("adopting", 1);
        var faults = 0;
        var worker = NamedWorker.Create("configured job", static (int x) => (NamedWorker.CurrentThreadName, x * 2), 21);
        worker.UnhandledExceptionHandler = _ => Interlocked.Increment(ref faults);

        var started = pool.Start(worker);

        started.Should().BeSameAs(worker);
        worker.Join().Should().Be(("configured job", 42));
        worker.State.Should().Be(WorkerState.Completed);
        Until(() => pool.ThreadCount == 1 && pool.BusyCount == 0, "the job ran on the pool's one thread");
    }

    [Fact]
    public void Start_refuses_a_started_worker_and_one_of_a_group_naming_it()
    {
        using var pool = new WorkerPool("strict", 1);
        var running = NamedWorker.Create("already running", static () => { });
        running.Start();
        using var group = new WorkerGroup("crew");
        var grouped = group.Start("in a group", static () => { });

        pool.Invoking(p => p.Start(running)).Should().Throw<InvalidOperationException>()
            .WithMessage("Worker 'already running' has already been started; pool 'strict'*");
        pool.Invoking(p => p.Start(grouped)).Should().Throw<InvalidOperationException>().WithMessage("Worker 'in a group'*");
        pool.Invoking(p => p.Start((NamedWorker)null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("worker");
        Join(running);
        group.JoinAll();
    }

    [Fact]
    public void Start_refuses_a_worker_created_by_another_pool()
    {
        using var other = new WorkerPool("other", 1);
        using var pool = new WorkerPool("this", 1);
        var job = other.Start("other's job", static () => { });

        pool.Invoking(p => p.Start(job)).Should().Throw<InvalidOperationException>().WithMessage("Worker 'other's job'*");
        Join(job);
    }

    [Theory]
    [InlineData(nameof(NamedWorker.StackSize))]
    [InlineData(nameof(NamedWorker.Priority))]
    [InlineData(nameof(NamedWorker.ProcessorAffinity))]
    [InlineData(nameof(NamedWorker.IsBackground))]
    [InlineData(nameof(NamedWorker.FlowExecutionContext))]
    public void Start_refuses_a_worker_with_a_thread_option_set_naming_the_option(string option)
    {
        using var pool = new WorkerPool("reused threads", 1);
        var worker = NamedWorker.Create("optioned", static () => { });
        switch (option)
        {
            case nameof(NamedWorker.StackSize):
                worker.StackSize = NamedWorker.MinimumStackSize;
                break;
            case nameof(NamedWorker.Priority):
                worker.Priority = ThreadPriority.BelowNormal;
                break;
            case nameof(NamedWorker.ProcessorAffinity):
                worker.ProcessorAffinity = [0];
                break;
            case nameof(NamedWorker.IsBackground):
                worker.IsBackground = true;
                break;
            default:
                worker.FlowExecutionContext = false;
                break;
        }

        pool.Invoking(p => p.Start(worker)).Should().Throw<ArgumentException>()
            .WithMessage($"Worker 'optioned' has {option} set*pool 'reused threads' reuses its threads*")
            .Which.ParamName.Should().Be("worker");
        worker.State.Should().Be(WorkerState.Unstarted, "a refused worker can still be started elsewhere");
        pool.QueuedCount.Should().Be(0);
    }

    [Fact]
    public void Start_on_a_completed_pool_leaves_the_worker_unstarted()
    {
        var pool = new WorkerPool("closed", 1);
        pool.Complete();
        var worker = NamedWorker.Create("late", static () => { });

        pool.Invoking(p => p.Start(worker)).Should().Throw<InvalidOperationException>().WithMessage("Pool 'closed' has been completed*");

        worker.State.Should().Be(WorkerState.Unstarted);
        worker.ManagedThreadId.Should().BeNull();
        NamedWorker.GetActive().Should().NotContain(worker, "a refused job is rolled back out of the active list");
        worker.Start();
        Join(worker);
    }

    [Fact]
    public async Task Completion_is_the_same_task_on_every_read_before_and_after_the_end()
    {
        var pool = new WorkerPool("stable", 1);
        var before = pool.Completion;
        Join(pool.Start("one", static () => { }));

        pool.Complete();
        await Await(pool.Completion);

        pool.Completion.Should().BeSameAs(before);
        (await Task.WhenAny(pool.Completion, Task.Delay(UnexpectedTimeout))).Should().BeSameAs(pool.Completion);
    }

    [Fact]
    public void An_idle_pool_keeps_no_finished_job_its_delegate_its_arguments_or_its_result()
    {
        using var pool = new WorkerPool("forgetful", 1) { IdleTimeout = Timeout.InfiniteTimeSpan };
        Join(pool.Start("warm-up", static () => { }));
        Until(() => pool.BusyCount == 0, "the first job starts the thread; the next is handed to it");
        var (job, body, argument, result) = RunOnePooledJob(pool);

        Until(() => pool.BusyCount == 0, "the pool thread should go idle");
        job.ShouldBeCollected("the pool thread must not hold its last job");
        body.ShouldBeCollected("nor the job's delegate");
        argument.ShouldBeCollected("nor its argument");
        result.ShouldBeCollected("nor its result, once taken");
        pool.ThreadCount.Should().Be(1, "the thread is idle, not retired");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference Job, WeakReference Body, WeakReference Argument, WeakReference Result) RunOnePooledJob(WorkerPool pool)
    {
        var (argument, weakArgument) = Retention.Payload();
        var captured = new object();
        Func<byte[], byte[]> body = bytes => captured is null ? bytes : new byte[bytes.Length];
        var job = pool.Start("big result", body, argument);
        var result = job.Join();
        return (new WeakReference(job), new WeakReference(body), weakArgument, new WeakReference(result));
    }
}
