// WorkerStacks' budgets, for docs/benchmarks.md: with 50 named workers blocked in a known method, the time of the first
// capture, the median of the later ones, and the process's resident memory after each of them (20 in a row by default).
// Memory is read from Environment.WorkingSet after a full collection, so it counts what the captures keep, not garbage.
//
//     dotnet run -c Release --project benchmarks/ThreadKit.StackHarness -- [captures=20] [threads=50]
using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using ThreadKit;

var captures = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var threadCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
using var release = new ManualResetEventSlim();
var workers = Enumerable.Range(0, threadCount)
    .Select(i => NamedWorker.Create($"harness-{i}", static (ManualResetEventSlim gate) => gate.Wait(), release))
    .ToList();
workers.ForEach(static worker => worker.Start());

Console.WriteLine($"{captures} captures with {threadCount} named workers blocked, {Environment.ProcessorCount} CPUs, .NET {Environment.Version}");
Console.WriteLine("| capture | ms | threads seen | resident MB after | managed heap MB after |");
Console.WriteLine("| ---: | ---: | ---: | ---: | ---: |");
var times = new double[captures];
var resident = new double[captures];
for (var i = 0; i < captures; i++)
{
    var clock = Stopwatch.StartNew();
    var stacks = await WorkerStacks.CaptureAsync();
    times[i] = clock.Elapsed.TotalMilliseconds;
    var named = stacks.Count(static stack => stack.Name.StartsWith("harness-", StringComparison.Ordinal));
    if (named != threadCount)
    {
        throw new InvalidOperationException($"Capture {i + 1} saw {named} of the {threadCount} workers.");
    }

    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    resident[i] = Environment.WorkingSet / 1048576.0;
    Console.WriteLine($"| {i + 1} | {times[i]:F0} | {stacks.Count} | {resident[i]:F0} | {GC.GetTotalMemory(forceFullCollection: false) / 1048576.0:F1} |");
}

release.Set();
workers.ForEach(static worker => worker.Join());
if (captures > 1)
{
    var later = times.Skip(1).ToList();
    Console.WriteLine();
    Console.WriteLine($"first capture: {times[0]:F0} ms; later captures: median {Rounds.Median(later):F0} ms (range {later.Min():F0} to {later.Max():F0} ms)");
    Console.WriteLine($"resident memory: {resident[0]:F0} MB after the first, {resident[^1]:F0} MB after the last; growth after the first {resident[^1] - resident[0]:F0} MB" +
        (captures >= 20 ? $", over the last 10 {resident[^1] - resident[^11]:F0} MB" : string.Empty));
}
