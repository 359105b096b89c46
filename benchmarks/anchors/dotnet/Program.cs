// .NET: create a named thread with one argument, start it, join it; with a raw Thread, or with NamedWorker.
// workerpool runs the same named job on a two-thread WorkerPool, started then joined, as Java's anchor does on a fixed
// pool of two; taskrun runs it, unnamed, with Task.Run(...).Wait() on the .NET thread pool.
// side-by-side runs the raw Thread and the NamedWorker in one process, taking turns within every round, and prints the
// median of the per-round ratios and their range: the README's headline, free of the process-to-process swing that
// separate runs carry.
// Usage: Anchors (thread|namedworker|namedworker-no-telemetry|workerpool|taskrun|side-by-side) [rounds] [per-round]
// namedworker-no-telemetry turns ThreadKit's telemetry feature switch off before the first worker, as an application's
// RuntimeHostConfigurationOption would; benchmarks/TelemetryAb.cs compares it with namedworker in alternating runs.
using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ThreadKit;

var kind = args.Length > 0 ? args[0] : "thread";
if (kind == "namedworker-no-telemetry")
{
    AppContext.SetSwitch("ThreadKit.Telemetry.IsSupported", false);
}

var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var perRound = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000;
if (kind == "side-by-side")
{
    SideBySide(rounds, perRound);
    return;
}

Action job = kind switch
{
    "thread" => RawThread,
    "namedworker" or "namedworker-no-telemetry" => Worker,
    "workerpool" => PooledJob,
    "taskrun" => static () => Task.Run(static () => Sink.Value = "payload").Wait(),
    _ => throw new ArgumentException($"Unknown kind '{kind}'; use 'thread', 'namedworker', 'namedworker-no-telemetry', 'workerpool', 'taskrun' or 'side-by-side'.", nameof(args)),
};

var best = double.MaxValue;
for (var round = -1; round < rounds; round++) // round -1 warms up
{
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < perRound; i++)
    {
        job();
    }

    var perOp = clock.Elapsed.TotalMicroseconds / perRound;
    if (round >= 0)
    {
        best = Math.Min(best, perOp);
    }
}

Console.WriteLine(best.ToString("F2", CultureInfo.InvariantCulture));

static void SideBySide(int rounds, int perRound)
{
    var cases = new (string Name, Action Job)[]
    {
        ("new Thread { Name }, Start(arg), Join", RawThread),
        ("NamedWorker.Create(name, body, arg), Start, Join", Worker),
    };
    var (nanoseconds, _) = Rounds.TakeTurns(rounds, cases.Length, c =>
    {
        for (var i = 0; i < perRound; i++)
        {
            cases[c].Job();
        }

        return perRound;
    });

    Console.WriteLine($"{rounds} rounds of {perRound} jobs, taking turns, {Environment.ProcessorCount} CPUs, .NET {Environment.Version}");
    Console.WriteLine("| Job: named thread, one argument, start, join | us per job (median) | vs raw Thread, median of rounds (range) |");
    Console.WriteLine("| --- | ---: | ---: |");
    for (var c = 0; c < cases.Length; c++)
    {
        Console.WriteLine($"| {cases[c].Name} | {Rounds.Median(nanoseconds[c]) / 1000:F2} | {Rounds.DescribeRatios(nanoseconds[c], nanoseconds[0])} |");
    }
}

static void RawThread()
{
    var thread = new Thread(static state => Sink.Value = (string)state!) { Name = "anchor" };
    thread.Start("payload");
    thread.Join();
}

static void Worker()
{
    var worker = NamedWorker.Create("anchor", static (string argument) => Sink.Value = argument, "payload");
    worker.Start();
    worker.Join();
}

static void PooledJob() =>
    Pool.Instance.Start("anchor", static (string argument) => Sink.Value = argument, "payload").Join();

internal static class Pool
{
    public static readonly WorkerPool Instance = new("anchor-pool", 2);
}

internal static class Sink
{
    public static volatile string? Value;
}
