using System.Threading;
using BenchmarkDotNet.Attributes;

namespace ThreadKit.Benchmarks;

/// <summary>Read the calling thread's name. BenchmarkDotNet runs this on the process's unnamed entry thread.</summary>
[MemoryDiagnoser]
public class CurrentThreadNameBenchmarks
{
    [Benchmark(Baseline = true, Description = "Thread.CurrentThread.Name")]
    public string? RawThreadName() => Thread.CurrentThread.Name;

    [Benchmark(Description = "NamedWorker.CurrentThreadName")]
    public string CurrentThreadName() => ThreadKit.NamedWorker.CurrentThreadName;
}
