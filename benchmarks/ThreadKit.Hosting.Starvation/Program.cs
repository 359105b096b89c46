// 64 blocking loops, written as BackgroundServices and as named workers, each in a fresh generic host; then 32
// unrelated Task.Run calls, and how long until all of them have run. Each variant runs in a process of its own,
// because the thread pool grows once starved and would favour whatever ran second.
//
//     dotnet run -c Release --project benchmarks/ThreadKit.Hosting.Starvation            (both, one process each)
//     dotnet run -c Release --project benchmarks/ThreadKit.Hosting.Starvation -- named   (one variant)
using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

const int Loops = 64, PoolCalls = 32;

if (args.Length == 0)
{
    Console.WriteLine($"| {Loops} blocking loops as | {PoolCalls} Task.Run calls complete after | thread-pool threads then |");
    Console.WriteLine("| --- | ---: | ---: |");
    foreach (var variant in new[] { "background", "named" })
    {
        using var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, [typeof(Marker).Assembly.Location, variant])
        {
            RedirectStandardOutput = true,
        })!;
        Console.Write(child.StandardOutput.ReadToEnd());
        child.WaitForExit();
    }

    return;
}

var named = args[^1] == "named";
var release = new ManualResetEventSlim();
var blocking = new CountdownEvent(Loops);
var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
for (var i = 0; i < Loops; i++)
{
    if (named)
    {
        builder.Services.AddNamedWorker($"loop-{i}", (_, _) => { blocking.Signal(); release.Wait(); });
    }
    else
    {
        builder.Services.AddSingleton<IHostedService>(new BlockingBackgroundService(blocking, release));
    }
}

using var host = builder.Build();
await host.StartAsync();
blocking.Wait(TimeSpan.FromSeconds(15));

var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, PoolCalls).Select(i => Task.Run(() => i)));
clock.Stop();
var threads = ThreadPool.ThreadCount;

release.Set();
await host.StopAsync();
Console.WriteLine($"| {(named ? "`AddNamedWorker`, each on its own thread" : "`BackgroundService`s (synchronous `ExecuteAsync`)")} | {clock.Elapsed.TotalMilliseconds:F0} ms | {threads} |");

/// <summary>The loop as users write it today: a synchronous body in ExecuteAsync, which .NET 10 runs on the pool.</summary>
internal sealed class BlockingBackgroundService(CountdownEvent blocking, ManualResetEventSlim release) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        blocking.Signal();
        release.Wait(CancellationToken.None);
        return Task.CompletedTask;
    }
}

/// <summary>Names this assembly for the child processes.</summary>
internal sealed class Marker;
