using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace ThreadKit.Benchmarks;

/// <summary>Wait for a thread without blocking: JoinAsync against the ways a raw Thread can be waited for.</summary>
[MemoryDiagnoser]
[Config(typeof(SameProcessConfig))]
public class JoinAsyncBenchmarks
{
    [Benchmark(Baseline = true, Description = "Thread + Join (blocking)")]
    public void RawThreadJoin()
    {
        var thread = new Thread(static () => { }) { Name = "bench async" };
        thread.Start();
        thread.Join();
    }

    [Benchmark(Description = "Thread + TaskCompletionSource set at the end")]
    public async Task RawThreadWithTaskCompletionSource()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(static state => ((TaskCompletionSource)state!).SetResult()) { Name = "bench async" };
        thread.Start(done);
        await done.Task;
    }

    [Benchmark(Description = "NamedWorker + await JoinAsync()")]
    public async Task NamedWorkerJoinAsync()
    {
        var worker = ThreadKit.NamedWorker.Create("bench async", static () => { });
        worker.Start();
        await worker.JoinAsync();
    }
}
