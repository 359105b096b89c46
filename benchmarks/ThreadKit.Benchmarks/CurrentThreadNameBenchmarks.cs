using System.Threading;
using BenchmarkDotNet.Attributes;

namespace ThreadKit.Benchmarks;

/// <summary>
/// Read the calling thread's name. BenchmarkDotNet runs this on the process's unnamed entry thread. No thread is
/// started, so the process-state noise that <see cref="SameProcessConfig"/> answers does not arise. It runs in its
/// own process, as a user's program does: inside BenchmarkDotNet's in-process harness the same read measured 4.0 ns
/// against the raw read's 1.4 ns, a cost of the harness that out-of-process runs do not show.
/// </summary>
[MemoryDiagnoser]
public class CurrentThreadNameBenchmarks
{
    [Benchmark(Baseline = true, Description = "Thread.CurrentThread.Name")]
    public string? RawThreadName() => Thread.CurrentThread.Name;

    [Benchmark(Description = "NamedWorker.CurrentThreadName")]
    public string CurrentThreadName() => ThreadKit.NamedWorker.CurrentThreadName;
}
