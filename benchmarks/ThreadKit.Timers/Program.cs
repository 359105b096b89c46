// Tick lateness of a loop's fixed-rate schedule against the platform's timers, in one process, for docs/benchmarks.md.
// Lateness is a tick's start minus the due time t0 + n * period of the slot it served, with t0 read just before the
// timer or schedule is made; early ticks count as negative, and slots that passed unserved are counted apart as missed.
// Against PeriodicTimer the cases are compared by the p99 of the distance from the due time, early or late.
//
// The loop and the two pool timers run at the same time, a third of a period apart, so that a stall of the machine
// (this one is a 2-core virtual machine) hits them alike; the loop with PreciseTimers, which spins through the last millisecond before each tick,
// runs alone after them, so that its spinning takes no processor from the others. Each round does both, at 10 ms and
// at 1 ms; the ratios are taken within a round.
//
//     dotnet run -c Release --project benchmarks/ThreadKit.Timers -- [ticks=1000] [--rounds 5] [--svg docs/benchmarks/timers.svg]
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ThreadKit;

var ticks = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 1000;
var rounds = int.Parse(args.SkipWhile(arg => arg != "--rounds").Skip(1).FirstOrDefault() ?? "5", CultureInfo.InvariantCulture);
var svgPath = args.SkipWhile(arg => arg != "--svg").Skip(1).FirstOrDefault();
const string LoopCase = "WorkerLoop.ScheduleAtFixedRate";
const string PreciseCase = "WorkerLoop.ScheduleAtFixedRate, PreciseTimers";
var together = new (string Name, Func<TimeSpan, int, (long Origin, List<long> Starts)> Run)[]
{
    (LoopCase, (period, count) => Loop(period, count, precise: false)),
    ("PeriodicTimer", PeriodicTimerTicks),
    ("System.Threading.Timer", TimerTicks),
};
var alone = (Name: PreciseCase, Run: (Func<TimeSpan, int, (long Origin, List<long> Starts)>)((period, count) => Loop(period, count, precise: true)));

// Every case for 300 ticks, then a pause, so that no measured run pays for the JIT: tiered compilation recompiles a
// method only after it has been called 30 times and a further 100 ms have passed, on a background thread that would
// otherwise take one of the two CPUs in the middle of the first round.
foreach (var (_, run) in together.Append(alone))
{
    run(TimeSpan.FromMilliseconds(1), 300);
}

Thread.Sleep(500);

var periods = new[] { TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(1) };
var rows = new List<(int Round, string Case, TimeSpan Period, double P50, double P99, double Max, double Drift, int Missed, double OffP99)>();
var steal = StolenTime.Start();
for (var round = 1; round <= rounds; round++)
{
    foreach (var period in periods)
    {
        // Each starts a third of a period after the one before, so that their ticks do not compete for the two CPUs.
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 100;
        var running = together
            .Select((c, i) => Task.Factory.StartNew(
                () =>
                {
                    var at = start + (long)(i * period.TotalSeconds * Stopwatch.Frequency / together.Length);
                    SpinWait.SpinUntil(() => Stopwatch.GetTimestamp() >= at);
                    return (c.Name, Ticks: c.Run(period, ticks));
                },
                TaskCreationOptions.LongRunning))
            .ToArray();
        Task.WaitAll(running);
        foreach (var (name, (origin, starts)) in running.Select(task => task.Result).Append((alone.Name, alone.Run(period, ticks))))
        {
            var (lateness, missed) = Lateness.Of(origin, period, starts);
            var drift = lateness[^1];
            var off = lateness.Select(Math.Abs).Order().ToList();
            lateness.Sort();
            rows.Add((round, name, period, Lateness.Percentile(lateness, 0.5), Lateness.Percentile(lateness, 0.99), lateness[^1], drift, missed, Lateness.Percentile(off, 0.99)));
        }
    }
}

(double P99, double OffP99) Periodic(int round, TimeSpan period)
{
    var row = rows.Single(row => row.Round == round && row.Period == period && row.Case == "PeriodicTimer");
    return (row.P99, row.OffP99);
}

Console.WriteLine($"{rounds} rounds of {ticks} ticks a case, {Environment.ProcessorCount} CPUs, {Environment.Version}; {steal.Describe()}");
Console.WriteLine("| Round | Period | Case | p50 | p99 | max | drift at the last tick | missed | p99 / PeriodicTimer's | p99 off the due time, early or late | that / PeriodicTimer's |");
Console.WriteLine("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var row in rows.OrderBy(row => row.Round).ThenByDescending(row => row.Period))
{
    var periodic = Periodic(row.Round, row.Period);
    Console.WriteLine($"| {row.Round} | {row.Period.TotalMilliseconds} ms | `{row.Case}` | {Lateness.Format(row.P50)} | {Lateness.Format(row.P99)} | {Lateness.Format(row.Max)} | {Lateness.Format(row.Drift)} | {row.Missed} | {row.P99 / periodic.P99:0.00}x | {Lateness.Format(row.OffP99)} | {row.OffP99 / periodic.OffP99:0.00}x |");
}

Console.WriteLine();
foreach (var period in periods)
{
    foreach (var name in new[] { LoopCase, PreciseCase })
    {
        var mine = rows.Where(row => row.Period == period && row.Case == name).OrderBy(row => row.Round).ToList();
        Console.WriteLine($"{period.TotalMilliseconds} ms, {name}: p99 / PeriodicTimer's by round {string.Join(", ", mine.Select(row => $"{row.P99 / Periodic(row.Round, period).P99:0.00}x"))}; p99 {string.Join(", ", mine.Select(row => Lateness.Format(row.P99)))}; off the due time {string.Join(", ", mine.Select(row => $"{row.OffP99 / Periodic(row.Round, period).OffP99:0.00}x"))}");
    }
}

Console.WriteLine();
Console.WriteLine(ThreadCpu.Describe());

if (svgPath is not null)
{
    // The first round's figures: one run, as a reader would get it.
    var first = rows.Where(row => row.Round == 1).OrderByDescending(row => row.Period).ToList();
    File.WriteAllText(svgPath, Chart(first.Select(row => ($"{row.Period.TotalMilliseconds} ms: {row.Case}", row.P50, row.P99)).ToList()));
    Console.WriteLine("wrote " + svgPath);
}

return 0;

// Each case reads t0 just before it makes its timer or schedule, and returns it with the ticks' start times.
static (long, List<long>) Loop(TimeSpan period, int count, bool precise)
{
    using var loop = WorkerLoop.Start("timed", new WorkerLoopOptions { PreciseTimers = precise });
    var starts = new List<long>(count);
    using var done = new ManualResetEventSlim();
    ScheduledWork? work = null;
    var cpuBefore = loop.Invoke(ThreadCpu.Now);
    var origin = Stopwatch.GetTimestamp();
    work = loop.ScheduleAtFixedRate(period, period, () =>
    {
        starts.Add(Stopwatch.GetTimestamp());
        if (starts.Count == count)
        {
            work!.Cancel();
            done.Set();
        }
    });
    done.Wait();
    ThreadCpu.Record(precise, period, loop.Invoke(ThreadCpu.Now) - cpuBefore, Stopwatch.GetElapsedTime(origin));
    return (origin, starts);
}

static (long, List<long>) PeriodicTimerTicks(TimeSpan period, int count)
{
    var starts = new List<long>(count);
    long origin = 0;
    Task.Run(async () =>
    {
        origin = Stopwatch.GetTimestamp();
        using var timer = new PeriodicTimer(period);
        while (starts.Count < count && await timer.WaitForNextTickAsync())
        {
            starts.Add(Stopwatch.GetTimestamp());
        }
    }).Wait();
    return (origin, starts);
}

static (long, List<long>) TimerTicks(TimeSpan period, int count)
{
    var starts = new List<long>(count);
    using var done = new ManualResetEventSlim();
    var origin = Stopwatch.GetTimestamp();
    using var timer = new Timer(
        _ =>
        {
            lock (starts)
            {
                if (starts.Count < count)
                {
                    starts.Add(Stopwatch.GetTimestamp());
                }

                if (starts.Count == count)
                {
                    done.Set();
                }
            }
        },
        null,
        period,
        period);
    done.Wait();
    return (origin, starts);
}

static string Chart(List<(string Label, double P50, double P99)> bars)
{
    const int width = 760, barHeight = 16, gap = 10, left = 330, top = 40;
    var max = bars.Max(bar => bar.P99);
    var scale = (width - left - 80) / max;
    var svg = new StringBuilder();
    var height = top + (bars.Count * ((2 * barHeight) + gap)) + 20;
    svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
    svg.Append("<text x=\"10\" y=\"20\" font-size=\"14\">Tick lateness, p50 (light) and p99 (dark), lower is better</text>\n");
    for (var i = 0; i < bars.Count; i++)
    {
        var (label, p50, p99) = bars[i];
        var y = top + (i * ((2 * barHeight) + gap));
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 8}\" y=\"{y + barHeight + 4}\" text-anchor=\"end\">{label}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{y}\" width=\"{Math.Max(1, p50 * scale):0.0}\" height=\"{barHeight}\" fill=\"#9ecae1\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + Math.Max(1, p50 * scale) + 4:0.0}\" y=\"{y + 12}\">{Lateness.Format(p50)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{y + barHeight}\" width=\"{Math.Max(1, p99 * scale):0.0}\" height=\"{barHeight}\" fill=\"#3182bd\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + Math.Max(1, p99 * scale) + 4:0.0}\" y=\"{y + barHeight + 12}\">{Lateness.Format(p99)}</text>\n");
    }

    return svg.Append("</svg>\n").ToString();
}

/// <summary>
/// The time the hypervisor gave this virtual machine's CPUs to others while the harness ran ("steal" in /proc/stat),
/// which delays every thread alike; the figure a reader needs to judge a run's tails. Linux only.
/// </summary>
internal readonly record struct StolenTime(long Steal, long Total)
{
    public static StolenTime Start() => Read() ?? default;

    public string Describe()
    {
        if (Read() is not { } now || Total == 0)
        {
            return "stolen CPU time not available";
        }

        return $"{100.0 * (now.Steal - Steal) / Math.Max(1, now.Total - Total):0.0}% of CPU time stolen by the hypervisor";
    }

    private static StolenTime? Read()
    {
        try
        {
            // cpu  user nice system idle iowait irq softirq steal ...
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(field => long.Parse(field, CultureInfo.InvariantCulture)).ToArray();
            return new StolenTime(fields[7], fields.Sum());
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>
/// The loop thread's own CPU time over a run (<c>CLOCK_THREAD_CPUTIME_ID</c>, Linux), as a share of the run's wall time:
/// what sleeping and what spinning before each tick cost. Runs of the same case and period are summed over rounds.
/// </summary>
internal static class ThreadCpu
{
    private static readonly Dictionary<(bool Precise, TimeSpan Period), (TimeSpan Cpu, TimeSpan Wall)> s_totals = [];

    public static TimeSpan Now()
    {
        var time = default(Timespec);
        return OperatingSystem.IsLinux() && clock_gettime(3, ref time) == 0
            ? TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100))
            : TimeSpan.Zero;
    }

    public static void Record(bool precise, TimeSpan period, TimeSpan cpu, TimeSpan wall)
    {
        lock (s_totals)
        {
            var (totalCpu, totalWall) = s_totals.GetValueOrDefault((precise, period));
            s_totals[(precise, period)] = (totalCpu + cpu, totalWall + wall);
        }
    }

    public static string Describe() => "Loop thread CPU use (its CPU time over the run's wall time): " + string.Join("; ", s_totals
        .OrderByDescending(entry => entry.Key.Period).ThenBy(entry => entry.Key.Precise)
        .Select(entry => $"{entry.Key.Period.TotalMilliseconds} ms{(entry.Key.Precise ? ", PreciseTimers" : "")}: {100 * entry.Value.Cpu / entry.Value.Wall:0.0}%"));

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern int clock_gettime(int clock, ref Timespec time);

    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
