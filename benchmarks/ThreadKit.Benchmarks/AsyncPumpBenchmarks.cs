using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Nito.AsyncEx;

namespace ThreadKit.Benchmarks;

/// <summary>
/// Continuation throughput on a dedicated thread: an async body that awaits <see cref="Task.Yield"/> 100,000 times,
/// on a worker's pump and in Nito.AsyncEx's <c>AsyncContext.Run</c> on a raw thread. Each figure is per continuation.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SameProcessConfig))]
public class AsyncPumpBenchmarks
{
    private const int Continuations = 100_000;

    [Benchmark(Baseline = true, OperationsPerInvoke = Continuations, Description = "Nito AsyncContext.Run on a raw Thread")]
    public void NitoAsyncContext()
    {
        var thread = new Thread(static () => AsyncContext.Run(YieldManyAsync)) { Name = "nito pump" };
        thread.Start();
        thread.Join();
    }

    [Benchmark(OperationsPerInvoke = Continuations, Description = "NamedWorker with an async body")]
    public void NamedWorkerPump()
    {
        var worker = NamedWorker.Create("threadkit pump", YieldManyAsync);
        worker.Start();
        worker.Join();
    }

    private static async Task YieldManyAsync()
    {
        for (var i = 0; i < Continuations; i++)
        {
            await Task.Yield();
        }
    }
}
