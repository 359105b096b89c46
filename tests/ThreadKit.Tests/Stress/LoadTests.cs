using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Stress;

[Collection(StressTest.Name)]
[Trait(StressTest.Category, StressTest.Name)]
public sealed class LoadTests(ITestOutputHelper output) : TestBase
{
    [Fact]
    public void Ten_thousand_workers_with_256_KiB_stacks_started_from_8_threads_each_run_exactly_once()
    {
        StressTest.RequireEnabled();
        const int starters = 8, perStarter = 1_250, total = starters * perStarter;
        var runs = new int[total];
        var workers = new NamedWorker[total];
        using var go = new ManualResetEventSlim();
        var clock = Stopwatch.StartNew();
        var threads = Enumerable.Range(0, starters).Select(s => new Thread(() =>
        {
            Wait(go);
            for (var i = s * perStarter; i < (s + 1) * perStarter; i++)
            {
                var worker = NamedWorker.Create($"load {i}", static (int[] counts, int index) => Interlocked.Increment(ref counts[index]), runs, i);
                worker.StackSize = 256 * 1024;
                worker.Start();
                workers[i] = worker;
            }
        })).ToList();

        threads.ForEach(thread => thread.Start());
        go.Set();
        threads.ForEach(Join);
        foreach (var worker in workers)
        {
            Join(worker);
        }

        output.WriteLine($"{total} workers started from {starters} threads and joined in {clock.Elapsed.TotalSeconds:F2} s");
        runs.Should().OnlyContain(count => count == 1, "every worker runs exactly once");
        NamedWorker.GetActive().Should().NotContain(workers);
        NamedWorker.ActiveCount.Should().Be(0);
    }

    [Fact]
    public void A_hundred_thousand_start_join_cycles_leave_the_heap_the_threads_and_the_registry_flat()
    {
        StressTest.RequireEnabled();
        const int cycles = 100_000;
        RunCycles(2_000);
        var before = Measure();

        var clock = Stopwatch.StartNew();
        RunCycles(cycles);
        clock.Stop();
        var after = Measure();

        output.WriteLine($"{cycles} cycles in {clock.Elapsed.TotalSeconds:F1} s ({clock.Elapsed.TotalMilliseconds * 1000 / cycles:F0} us each)");
        output.WriteLine($"heap {before.Heap / 1024} KiB -> {after.Heap / 1024} KiB; process threads {before.Threads} -> {after.Threads}; registry {before.Registered} -> {after.Registered}");
        (after.Heap - before.Heap).Should().BeLessThan(1024 * 1024, "finished workers must not accumulate");
        after.Registered.Should().Be(0);
        if (OperatingSystem.IsLinux())
        {
            Until(() => CountOsThreadsNamed(CycleName) == 0, "every worker thread exits with its worker");
        }

        // The runtime and the test host start and retire threads of their own, so the whole count moves by a few;
        // a leak of worker threads would move it by thousands.
        after.Threads.Should().BeLessThan(before.Threads + 16, "every worker thread exits");
    }

    private const string CycleName = "leak-cycle";

    private static void RunCycles(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var worker = NamedWorker.Create(CycleName, static (int x) => GC.KeepAlive(x), i);
            worker.Start();
            worker.Join();
        }
    }

    private static (long Heap, int Threads, int Registered) Measure()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.Threads.Count, NamedWorker.ActiveCount);
    }

    /// <summary>Counts this process's threads whose operating-system name is <paramref name="name"/>.</summary>
    private static int CountOsThreadsNamed(string name) =>
        Directory.EnumerateDirectories("/proc/self/task")
            .Count(task => ReadOrEmpty(Path.Combine(task, "comm")).TrimEnd('\n') == name);

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            // The thread exited between listing and reading.
            return string.Empty;
        }
    }
}
