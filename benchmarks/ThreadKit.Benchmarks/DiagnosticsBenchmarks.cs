using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace ThreadKit.Benchmarks;

/// <summary>
/// What the stall watchdog and the thread dump cost, in one process: posting to a loop and running the work with the
/// watchdog on at its default threshold against the same with it off, and listing 1,000 live workers.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SameProcessConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class DiagnosticsBenchmarks
{
    private const int Posts = 10_000;
    private const int LiveWorkers = 1_000;

    private readonly ManualResetEventSlim _release = new();
    private readonly List<NamedWorker> _workers = [];
    private WorkerLoop _watched = null!;
    private WorkerLoop _unwatched = null!;
    private System.Action _increment = null!;
    private int _count;

    [GlobalSetup]
    public void Setup()
    {
        _increment = Increment;
        _watched = WorkerLoop.Start("watched loop");
        _unwatched = WorkerLoop.Start("unwatched loop");
        _unwatched.StallThreshold = Timeout.InfiniteTimeSpan;
        for (var i = 0; i < LiveWorkers; i++)
        {
            var worker = NamedWorker.Create("live " + i, static (ManualResetEventSlim release) => release.Wait(), _release);
            worker.Start();
            _workers.Add(worker);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _release.Set();
        _workers.ForEach(static worker => worker.Join());
        _watched.Dispose();
        _unwatched.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Posts, Description = "WorkerLoop.Post and run, watchdog off")]
    [BenchmarkCategory("Post")]
    public Task PostUnwatched() => PostTo(_unwatched);

    [Benchmark(OperationsPerInvoke = Posts, Description = "WorkerLoop.Post and run, watchdog on (5 s default)")]
    [BenchmarkCategory("Post")]
    public Task PostWatched() => PostTo(_watched);

    [Benchmark(Description = "WorkerDiagnostics.GetThreads() with 1,000 live workers")]
    [BenchmarkCategory("GetThreads")]
    public int GetThreads() => WorkerDiagnostics.GetThreads().Count;

    private Task PostTo(WorkerLoop loop)
    {
        for (var i = 0; i < Posts; i++)
        {
            loop.Post(_increment);
        }

        return loop.InvokeAsync(static () => { });
    }

    private void Increment() => _count++;
}
