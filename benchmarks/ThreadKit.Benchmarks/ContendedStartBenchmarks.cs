using System.Threading;
using BenchmarkDotNet.Attributes;

namespace ThreadKit.Benchmarks;

/// <summary>
/// Eight threads each start and join 16 threads at the same time, so that ThreadKit's registry is contended. The
/// eight starters cost the same in both cases.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SameProcessConfig))]
public class ContendedStartBenchmarks
{
    private const int Starters = 8;
    private const int PerStarter = 16;

    [Benchmark(Baseline = true, Description = "8 starters x 16 Thread")]
    public void RawThreads() => RunStarters(static () =>
    {
        for (var i = 0; i < PerStarter; i++)
        {
            var thread = new Thread(static state => StartJoinBenchmarks.Consume((string)state!)) { Name = "contended" };
            thread.Start("payload");
            thread.Join();
        }
    });

    [Benchmark(Description = "8 starters x 16 NamedWorker")]
    public void NamedWorkers() => RunStarters(static () =>
    {
        for (var i = 0; i < PerStarter; i++)
        {
            var worker = ThreadKit.NamedWorker.Create("contended", static (string argument) => StartJoinBenchmarks.Consume(argument), "payload");
            worker.Start();
            worker.Join();
        }
    });

    private static void RunStarters(ThreadStart starter)
    {
        using var go = new ManualResetEventSlim();
        var threads = new Thread[Starters];
        for (var i = 0; i < Starters; i++)
        {
            threads[i] = new Thread(() =>
            {
                go.Wait();
                starter();
            });
            threads[i].Start();
        }

        go.Set();
        foreach (var thread in threads)
        {
            thread.Join();
        }
    }
}
