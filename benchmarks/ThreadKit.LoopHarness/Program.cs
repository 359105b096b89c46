// A loop's round trip (invoke a function on the loop's thread, wait for its value from another thread) and its Post,
// against Nito.AsyncEx's AsyncContextThread, side by side in one process, for docs/benchmarks.md. The cases take turns
// within every round, so a machine that slows down or speeds up slows them all; each time is the median of the rounds,
// and each ratio is taken within a round, against the Nito case run just before it.
//
//     dotnet run -c Release --project benchmarks/ThreadKit.LoopHarness -- [rounds=15] [calls=200000]
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using Nito.AsyncEx;
using ThreadKit;

var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
var calls = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000;
using var nito = new AsyncContextThread();
using var loop = WorkerLoop.Start("harness-loop");
var nitoContext = nito.Context.SynchronizationContext;
var counter = new Counter();
SendOrPostCallback count = static state => ((Counter)state!).Value++;

var cases = new (string Name, string Group, Action Call)[]
{
    ("Nito AsyncContextThread.Factory.Run(() => 42), waited", "RoundTrip", () => nito.Factory.Run(static () => 42).GetAwaiter().GetResult()),
    ("WorkerLoop.InvokeAsync(() => 42), waited", "RoundTrip", () => loop.InvokeAsync(static () => 42).GetAwaiter().GetResult()),
    ("Nito AsyncContextThread: SynchronizationContext.Post", "Post", () => nitoContext.Post(count, counter)),
    ("WorkerLoop.Post", "Post", () => loop.Post(counter.Increment)),
};

Console.WriteLine($"{rounds} rounds of {calls} calls, {Environment.ProcessorCount} CPUs, .NET {Environment.Version}");
var times = cases.Select(_ => new List<double>()).ToArray();
var bytes = cases.Select(_ => new List<double>()).ToArray();
for (var round = -1; round < rounds; round++)
{
    for (var c = 0; c < cases.Length; c++)
    {
        var call = cases[c].Call;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            call();
        }

        // Posts are measured up to the moment the loop has run them all, as the round trip is.
        if (cases[c].Group == "Post")
        {
            (c % 2 == 0 ? nito.Factory.Run(static () => { }) : loop.InvokeAsync(static () => { })).GetAwaiter().GetResult();
        }

        var elapsed = clock.Elapsed.TotalNanoseconds / calls;
        var perCall = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)calls;
        if (round >= 0)
        {
            times[c].Add(elapsed);
            bytes[c].Add(perCall);
        }
    }
}

// Each ThreadKit case against the Nito case that ran just before it, round by round: the median ratio, and the range.
Console.WriteLine();
Console.WriteLine("| Case | ns per call (median) | bytes per call | vs Nito, median of rounds (range) |");
Console.WriteLine("| --- | ---: | ---: | ---: |");
for (var c = 0; c < cases.Length; c++)
{
    Console.WriteLine($"| `{cases[c].Name}` | {Rounds.Median(times[c]):F0} | {Rounds.Median(bytes[c]):F0} | {Rounds.DescribeRatios(times[c], times[c - (c % 2)])} |");
}

internal sealed class Counter
{
    public int Value;

    public Counter() => Increment = () => Value++;

    public Action Increment { get; }
}
