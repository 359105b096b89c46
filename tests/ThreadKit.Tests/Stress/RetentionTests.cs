using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Stress;

/// <summary>Long-lived scopes keep nothing they no longer need: a supervisor group or pool does not grow with the jobs it has run.</summary>
[Collection(StressTest.Name)]
[Trait(StressTest.Category, StressTest.Name)]
public sealed class RetentionTests(ITestOutputHelper output) : TestBase
{
    private const int Jobs = 100_000;

    // A group that kept every finished worker would grow by about 260 bytes a job: 26 MB here.
    private const long Noise = 2 * 1024 * 1024;

    [Fact]
    public void A_long_lived_group_that_runs_a_hundred_thousand_jobs_keeps_its_heap_flat()
    {
        StressTest.RequireEnabled();
        using var group = new WorkerGroup("supervisor");
        RunThroughGroup(group, 2_000);
        var before = Heap();

        var clock = Stopwatch.StartNew();
        RunThroughGroup(group, Jobs);
        var after = Heap();

        output.WriteLine($"group: {Jobs} jobs in {clock.Elapsed.TotalSeconds:F1} s, heap {before / 1024} KiB -> {after / 1024} KiB");
        group.Workers.Should().BeEmpty();
        (after - before).Should().BeLessThan(Noise, "finished workers must not stay in a long-lived group");
    }

    [Fact]
    public void A_long_lived_pool_that_runs_a_hundred_thousand_jobs_keeps_its_heap_flat()
    {
        StressTest.RequireEnabled();
        using var pool = new WorkerPool("supervisor-pool", 4);
        RunThroughPool(pool, 2_000);
        var before = Heap();

        var clock = Stopwatch.StartNew();
        RunThroughPool(pool, Jobs);
        var after = Heap();

        output.WriteLine($"pool: {Jobs} jobs in {clock.Elapsed.TotalSeconds:F1} s, heap {before / 1024} KiB -> {after / 1024} KiB");
        pool.QueuedCount.Should().Be(0);
        (after - before).Should().BeLessThan(Noise, "a pool keeps only its queue and its threads");
    }

    [Fact]
    public void A_pool_and_a_loop_that_run_a_hundred_thousand_large_results_each_keep_their_heap_flat_while_alive()
    {
        StressTest.RequireEnabled();
        using var pool = new WorkerPool("large-results", 2) { IdleTimeout = Timeout.InfiniteTimeSpan };
        using var loop = WorkerLoop.Start("large-results-loop");
        RunLargeResults(pool, loop, 1_000);
        var before = Heap();

        var clock = Stopwatch.StartNew();
        var lastResults = RunLargeResults(pool, loop, Jobs);
        Until(() => pool.BusyCount == 0 && loop.QueuedCount == 0, "the pool and the loop should go idle");
        var after = Heap();

        output.WriteLine($"pool and loop: {Jobs} large results each in {clock.Elapsed.TotalSeconds:F1} s, heap {before / 1024} KiB -> {after / 1024} KiB");
        (after - before).Should().BeLessThan(Noise, "neither the pool nor the loop keeps a result once it has been taken");
        lastResults.Pooled.ShouldBeCollected("the pool's idle thread must not keep its last job's result");
        lastResults.Looped.ShouldBeCollected("the idle loop must not keep its last item's result");
    }

    private const int LargeResult = 100 * 1024;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference Pooled, WeakReference Looped) RunLargeResults(WorkerPool pool, WorkerLoop loop, int count)
    {
        WeakReference pooled = null!, looped = null!;
        for (var i = 0; i < count; i++)
        {
            var fromPool = pool.Start(null, static (int size) => new byte[size], LargeResult).Join();
            var fromLoop = loop.Invoke(static () => new byte[LargeResult]);
            if (i == count - 1)
            {
                pooled = new WeakReference(fromPool);
                looped = new WeakReference(fromLoop);
            }
        }

        return (pooled, looped);
    }

    private static void RunThroughGroup(WorkerGroup group, int jobs)
    {
        for (var i = 0; i < jobs; i++)
        {
            group.Start(null, static (int x) => x, i).Join();
        }
    }

    private static void RunThroughPool(WorkerPool pool, int jobs)
    {
        for (var i = 0; i < jobs; i++)
        {
            pool.Start(null, static (int x) => x, i).Join();
        }
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
