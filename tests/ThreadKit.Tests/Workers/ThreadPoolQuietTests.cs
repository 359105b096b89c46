using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Workers;

/// <summary>Measures the process's thread pool, so nothing else may run meanwhile.</summary>
[Collection(nameof(ThreadPoolQuietTests))]
[CollectionDefinition(nameof(ThreadPoolQuietTests), DisableParallelization = true)]
public sealed class ThreadPoolQuietTests : TestBase
{
    [Fact]
    public async Task Hundreds_of_pending_JoinAsync_calls_hold_no_thread_pool_threads()
    {
        const int count = 300;
        using var release = new ManualResetEventSlim();
        var workers = Enumerable.Range(0, count).Select(i =>
        {
            var worker = NamedWorker.Create($"pending {i}", (ManualResetEventSlim gate) => Wait(gate), release);
            worker.StackSize = NamedWorker.MinimumStackSize;
            return worker;
        }).ToList();
        workers.ForEach(worker => worker.Start());
        var poolThreadsBefore = ThreadPool.ThreadCount;

        var joins = workers.Select(worker => worker.JoinAsync()).ToList();
        var poolStillServes = await Await(Task.Run(() => ThreadPool.ThreadCount));

        joins.Should().OnlyContain(join => !join.IsCompleted);
        poolStillServes.Should().BeLessThanOrEqualTo(poolThreadsBefore + 2, "awaiting workers must not park pool threads");
        ThreadPool.PendingWorkItemCount.Should().Be(0);

        release.Set();
        await Await(Task.WhenAll(joins));
    }
}
