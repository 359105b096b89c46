using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Nito.AsyncEx;

namespace ThreadKit.Benchmarks;

/// <summary>
/// A loop thread against Nito.AsyncEx's <c>AsyncContextThread</c>, in one process: the round trip of invoking a
/// function and awaiting its value from another thread, and the throughput of posting from one thread.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SameProcessConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LoopBenchmarks
{
    private const int Posts = 10_000;
    private static readonly SendOrPostCallback s_count = static state => ((Counter)state!).Value++;

    private readonly Counter _counter = new();
    private AsyncContextThread _nito = null!;
    private WorkerLoop _loop = null!;

    [GlobalSetup]
    public void Setup()
    {
        _nito = new AsyncContextThread();
        _loop = WorkerLoop.Start("bench loop");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _nito.Dispose();
        _loop.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Nito AsyncContextThread Factory.Run(() => value), awaited")]
    [BenchmarkCategory("RoundTrip")]
    public Task<int> NitoRoundTrip() => _nito.Factory.Run(static () => 42);

    [Benchmark(Description = "WorkerLoop.InvokeAsync(() => value), awaited")]
    [BenchmarkCategory("RoundTrip")]
    public Task<int> LoopRoundTrip() => _loop.InvokeAsync(static () => 42);

    [Benchmark(Baseline = true, OperationsPerInvoke = Posts, Description = "Nito AsyncContextThread: SynchronizationContext.Post")]
    [BenchmarkCategory("Post")]
    public Task NitoPost()
    {
        var context = _nito.Context.SynchronizationContext;
        for (var i = 0; i < Posts; i++)
        {
            context.Post(s_count, _counter);
        }

        return _nito.Factory.Run(static () => { });
    }

    [Benchmark(OperationsPerInvoke = Posts, Description = "WorkerLoop.Post")]
    [BenchmarkCategory("Post")]
    public Task LoopPost()
    {
        var counter = _counter;
        for (var i = 0; i < Posts; i++)
        {
            _loop.Post(counter.Increment);
        }

        return _loop.InvokeAsync(static () => { });
    }

    private sealed class Counter
    {
        public int Value;

        public Counter() => Increment = () => Value++;

        public System.Action Increment { get; }
    }
}
