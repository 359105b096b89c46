// A loop's round trip (invoke a function on the loop's thread, wait for its value from another thread) and its Post,
// against Nito.AsyncEx's AsyncContextThread, and an async body's continuations on its own thread against
// AsyncContext.Run, side by side in one process, for the README and docs/benchmarks.md. The cases take turns
// within every round, so a machine that slows down or speeds up slows them all; each time is the median of the rounds,
// and each ratio is taken within a round, against the Nito case run just before it.
//
// With --busy, it runs them again with every core kept busy by a separate spinning process (BusyMachine).
//
//     dotnet run -c Release --project benchmarks/ThreadKit.LoopHarness -- [rounds=15] [calls=200000] [--busy]
using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Nito.AsyncEx;
using ThreadKit;

BusyMachine.SpinIfAsked(args);
var numbers = args.Where(static arg => !arg.StartsWith("--", StringComparison.Ordinal)).ToArray();
var rounds = numbers.Length > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : 15;
var calls = numbers.Length > 1 ? int.Parse(numbers[1], CultureInfo.InvariantCulture) : 200_000;
using var nito = new AsyncContextThread();
using var loop = WorkerLoop.Start("harness-loop");
var nitoContext = nito.Context.SynchronizationContext;
var counter = new Counter();
SendOrPostCallback count = static state => ((Counter)state!).Value++;

const int Continuations = 100_000;
var cases = new (string Name, int Calls, int OpsPerCall, Action Call, Action? Finish)[]
{
    ("Nito AsyncContextThread.Factory.Run(() => 42), waited", calls, 1, () => nito.Factory.Run(static () => 42).GetAwaiter().GetResult(), null),
    ("WorkerLoop.InvokeAsync(() => 42), waited", calls, 1, () => loop.InvokeAsync(static () => 42).GetAwaiter().GetResult(), null),

    // Posts are measured up to the moment the loop has run them all, as the round trip is.
    ("Nito AsyncContextThread: SynchronizationContext.Post", calls, 1, () => nitoContext.Post(count, counter), () => nito.Factory.Run(static () => { }).GetAwaiter().GetResult()),
    ("WorkerLoop.Post", calls, 1, () => loop.Post(counter.Increment), () => loop.InvokeAsync(static () => { }).GetAwaiter().GetResult()),

    // An async body's continuations on its own thread, per continuation: a thread that awaits Task.Yield() 100,000
    // times, started and joined (the start and join are spread over the continuations).
    ("Nito AsyncContext.Run(body) on a raw Thread, per continuation", Math.Max(1, calls / Continuations), Continuations, static () =>
    {
        var thread = new Thread(static () => AsyncContext.Run(YieldManyAsync)) { Name = "nito pump" };
        thread.Start();
        thread.Join();
    }, null),
    ("NamedWorker with an async body, per continuation", Math.Max(1, calls / Continuations), Continuations, static () =>
    {
        var worker = NamedWorker.Create("threadkit pump", YieldManyAsync);
        worker.Start();
        worker.Join();
    }, null),
};

Console.WriteLine($"{rounds} rounds of {calls} calls (continuations, for the pumps), {Environment.ProcessorCount} CPUs, .NET {Environment.Version}");
foreach (var busy in args.Contains("--busy") ? new[] { false, true } : [false])
{
    using var spinner = busy ? BusyMachine.Start() : null;
    var (times, bytes) = Rounds.TakeTurns(rounds, cases.Length, c =>
    {
        var (_, callCount, opsPerCall, call, finish) = cases[c];
        for (var i = 0; i < callCount; i++)
        {
            call();
        }

        finish?.Invoke();
        return (double)callCount * opsPerCall;
    });

    // Each ThreadKit case against the Nito case that ran just before it, round by round: the median ratio, and the range.
    Console.WriteLine();
    Console.WriteLine(busy ? $"Every core busy ({Environment.ProcessorCount} spinning threads in another process):" : "Quiet machine:");
    Console.WriteLine("| Case | ns per call (median) | bytes per call | vs Nito, median of rounds (range) |");
    Console.WriteLine("| --- | ---: | ---: | ---: |");
    for (var c = 0; c < cases.Length; c++)
    {
        Console.WriteLine($"| `{cases[c].Name}` | {Rounds.Median(times[c]):F0} | {Rounds.Median(bytes[c]):F0} | {Rounds.DescribeRatios(times[c], times[c - (c % 2)])} |");
    }
}

static async Task YieldManyAsync()
{
    for (var i = 0; i < Continuations; i++)
    {
        await Task.Yield();
    }
}

internal sealed class Counter
{
    public int Value;

    public Counter() => Increment = () => Value++;

    public Action Increment { get; }
}
