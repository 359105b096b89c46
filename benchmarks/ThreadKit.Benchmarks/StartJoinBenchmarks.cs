using System.Threading;
using BenchmarkDotNet.Attributes;

namespace ThreadKit.Benchmarks;

/// <summary>Create a named thread with one argument, start it, join it.</summary>
[MemoryDiagnoser]
[Config(typeof(SameProcessConfig))]
public class StartJoinBenchmarks
{
    private const string Name = "bench worker";
    private readonly string _argument = "payload";

    [Benchmark(Baseline = true, Description = "Thread { Name } Start(arg) Join")]
    public void RawThread()
    {
        var thread = new Thread(static state => Consume((string)state!)) { Name = Name };
        thread.Start(_argument);
        thread.Join();
    }

    [Benchmark(Description = "NamedWorker.Create(name, body, arg) Start Join")]
    public void NamedWorker()
    {
        var worker = ThreadKit.NamedWorker.Create(Name, static (string argument) => Consume(argument), _argument);
        worker.Start();
        worker.Join();
    }

    internal static void Consume(string value) => Volatile.Write(ref s_sink, value);

    private static string? s_sink;
}
