using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Scopes;

// A group made on a pool: where its workers run is chosen by what starts them, and the group's promises hold.
public sealed partial class WorkerGroupTests
{
    [Fact]
    public void A_group_made_on_a_pool_runs_its_workers_as_named_jobs_on_the_pools_threads()
    {
        using var pool = new WorkerPool("group pool", 2);
        using var group = new WorkerGroup("pooled group", pool);
        var poolThreads = new ConcurrentBag<bool>();

        var jobs = Enumerable.Range(0, 6)
            .Select(i => group.Start($"pooled {i}", () =>
            {
                poolThreads.Add(Thread.CurrentThread.IsThreadPoolThread);
                return NamedWorker.CurrentThreadName;
            }))
            .ToList();
        group.JoinAll();

        jobs.Select(job => job.Join()).Should().Equal(Enumerable.Range(0, 6).Select(i => $"pooled {i}"));
        jobs.Should().OnlyContain(job => job.Group == group);
        pool.ThreadCount.Should().BeInRange(1, 2, "six jobs share the pool's two threads");
        poolThreads.Should().OnlyContain(onThreadPool => !onThreadPool);
    }

    [Fact]
    public async Task In_a_pooled_group_a_fault_stops_the_others_JoinAll_rethrows_and_Dispose_waits()
    {
        using var pool = new WorkerPool("faulting group pool", 3);
        using var entered = new CountdownEvent(2);
        var group = new WorkerGroup("faulting pooled group", pool);
        var patient = Enumerable.Range(0, 2).Select(i => group.Start($"patient {i}", (CancellationToken stop) =>
        {
            entered.Signal();
            stop.WaitHandle.WaitOne(UnexpectedTimeout);
            stop.ThrowIfCancellationRequested();
        })).ToList();
        Wait(entered);

        group.Start("breaks", static () => throw new FormatException("pooled fault"));

        group.Invoking(g => g.JoinAll()).Should().Throw<AggregateException>().Which.InnerExceptions.Should().ContainSingle()
            .Which.Should().BeOfType<FormatException>();
        patient.Should().OnlyContain(worker => worker.State == WorkerState.Canceled, "the fault stopped the rest of the group");
        var late = group.Start("late", static () => { });
        late.StopToken.IsCancellationRequested.Should().BeTrue("a stopped group stops what it starts");
        group.Dispose();
        await Await(late.JoinAsync());
    }

    [Fact]
    public void A_pooled_group_refuses_a_worker_with_a_thread_option_as_its_pool_does()
    {
        using var pool = new WorkerPool("options pool", 1);
        using var group = new WorkerGroup("options group", pool);
        var deep = NamedWorker.Create("deep", static () => { });
        deep.StackSize = 4 * 1024 * 1024;

        group.Invoking(g => g.Start(deep)).Should().Throw<ArgumentException>().WithMessage("Worker 'deep' has StackSize set*pool 'options pool' reuses its threads*");
        group.Workers.Should().BeEmpty();
        deep.State.Should().Be(WorkerState.Unstarted);
        FluentActions.Invoking(() => new WorkerGroup("no pool", (WorkerPool)null!)).Should().Throw<ArgumentNullException>().WithParameterName("pool");
    }
}
