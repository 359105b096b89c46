using System;
using System.Diagnostics;
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
