using System.Threading;
using BenchmarkDotNet.Attributes;

namespace ThreadKit.Benchmarks;

/// <summary>Start 100 threads, then join them all.</summary>
[MemoryDiagnoser]
[Config(typeof(SameProcessConfig))]
public class BurstBenchmarks
{
    private const int Count = 100;
    private readonly Thread[] _threads = new Thread[Count];
    private readonly ThreadKit.NamedWorker[] _workers = new ThreadKit.NamedWorker[Count];

    [Benchmark(Baseline = true, Description = "100 x Thread, started then joined")]
    public void RawThreads()
    {
        for (var i = 0; i < Count; i++)
        {
            var thread = new Thread(static state => StartJoinBenchmarks.Consume((string)state!)) { Name = "burst" };
            thread.Start("payload");
            _threads[i] = thread;
        }

        foreach (var thread in _threads)
        {
            thread.Join();
        }
    }

    [Benchmark(Description = "100 x NamedWorker, started then joined")]
    public void NamedWorkers()
    {
        for (var i = 0; i < Count; i++)
        {
            var worker = ThreadKit.NamedWorker.Create("burst", static (string argument) => StartJoinBenchmarks.Consume(argument), "payload");
            worker.Start();
            _workers[i] = worker;
        }

        foreach (var worker in _workers)
        {
            worker.Join();
        }
    }
}
