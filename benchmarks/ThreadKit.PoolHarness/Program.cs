// Start and join of a named job with one argument, side by side in one process, for the README and docs/benchmarks.md:
// pooled on a 2-thread WorkerPool, Task.Run(...).Wait(), and a fresh NamedWorker. The cases take turns within every
// round, so a machine that slows down or speeds up slows them all; each time is the median of the rounds, and each
// ratio is taken within a round.
//
// With --busy, it runs them again with every core kept busy by a separate spinning process (BusyMachine).
//
//     dotnet run -c Release --project benchmarks/ThreadKit.PoolHarness -- [rounds=7] [jobs=20000] [--busy]
using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ThreadKit;

BusyMachine.SpinIfAsked(args);
var numbers = args.Where(static arg => !arg.StartsWith("--", StringComparison.Ordinal)).ToArray();
var rounds = numbers.Length > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : 7;
var jobs = numbers.Length > 1 ? int.Parse(numbers[1], CultureInfo.InvariantCulture) : 20_000;
using var pool = new WorkerPool("harness-pool", 2);
const string argument = "payload";

var cases = new (string Name, int Jobs, Action Job)[]
{
    ("pooled WorkerPool.Start(name, body, arg).Join()", jobs, () => pool.Start("bench job", static (string a) => Sink.Value = a, argument).Join()),
    ("Task.Run(() => body(arg)).Wait(), unnamed", jobs, () => Task.Run(static () => Sink.Value = argument).Wait()),
    ("fresh NamedWorker.Create(name, body, arg) Start Join", Math.Max(1, jobs / 40), static () =>
    {
        var worker = NamedWorker.Create("bench job", static (string a) => Sink.Value = a, argument);
        worker.Start();
        worker.Join();
    }),
};

Console.WriteLine($"{rounds} rounds of {jobs} jobs ({jobs / 40} fresh workers), {Environment.ProcessorCount} CPUs, .NET {Environment.Version}");
foreach (var busy in args.Contains("--busy") ? new[] { false, true } : [false])
{
    using var spinner = busy ? BusyMachine.Start() : null;

    var (nanoseconds, bytes) = Rounds.TakeTurns(rounds, cases.Length, c =>
    {
        var (_, count, job) = cases[c];
        for (var i = 0; i < count; i++)
        {
            job();
        }

        return count;
    });

    Console.WriteLine();
    Console.WriteLine(busy ? $"Every core busy ({Environment.ProcessorCount} spinning threads in another process):" : "Quiet machine:");
    Console.WriteLine("| Case | us per job (median) | bytes per job | vs Task.Run, median of rounds (range) |");
    Console.WriteLine("| --- | ---: | ---: | ---: |");
    for (var c = 0; c < cases.Length; c++)
    {
        Console.WriteLine($"| `{cases[c].Name}` | {Rounds.Median(nanoseconds[c]) / 1000:F2} | {Rounds.Median(bytes[c]):F0} | {Rounds.DescribeRatios(nanoseconds[c], nanoseconds[1])} |");
    }
}

internal static class Sink
{
    public static volatile string? Value;
}
