using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace ThreadKit.Benchmarks;

/// <summary>Start and join of a named job with one argument: on a fresh worker, pooled, and as Task.Run(...).Wait().</summary>
[MemoryDiagnoser]
[Config(typeof(SameProcessConfig))]
public class PoolBenchmarks
{
    private const string Name = "bench job";
    private readonly string _argument = "payload";
    private WorkerPool _pool = null!;

    [GlobalSetup]
    public void Setup() => _pool = new WorkerPool("bench pool", 1);

    [GlobalCleanup]
    public void Cleanup() => _pool.Dispose();

    [Benchmark(Baseline = true, Description = "fresh NamedWorker.Create(name, body, arg) Start Join")]
    public void FreshWorker()
    {
        var worker = NamedWorker.Create(Name, static (string argument) => StartJoinBenchmarks.Consume(argument), _argument);
        worker.Start();
        worker.Join();
    }

    [Benchmark(Description = "pooled WorkerPool.Start(name, body, arg) Join")]
    public void PooledJob() =>
        _pool.Start(Name, static (string argument) => StartJoinBenchmarks.Consume(argument), _argument).Join();

    [Benchmark(Description = "Task.Run(() => body(arg)).Wait(), unnamed")]
    public void TaskRun()
    {
        var argument = _argument;
        Task.Run(() => StartJoinBenchmarks.Consume(argument)).Wait();
    }
}
