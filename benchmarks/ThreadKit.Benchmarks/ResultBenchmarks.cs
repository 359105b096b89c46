using System.Threading;
using BenchmarkDotNet.Attributes;

namespace ThreadKit.Benchmarks;

/// <summary>Get a value back from a thread.</summary>
[MemoryDiagnoser]
[Config(typeof(SameProcessConfig))]
public class ResultBenchmarks
{
    [Benchmark(Baseline = true, Description = "Thread writing a captured field")]
    public int RawThread()
    {
        var result = 0;
        var thread = new Thread(() => result = 42) { Name = "bench result" };
        thread.Start();
        thread.Join();
        return result;
    }

    [Benchmark(Description = "NamedWorker<int>.Join()")]
    public int NamedWorker()
    {
        var worker = ThreadKit.NamedWorker.Create("bench result", static () => 42);
        worker.Start();
        return worker.Join();
    }
}
