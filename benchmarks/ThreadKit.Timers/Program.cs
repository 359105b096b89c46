// Tick lateness of a loop's fixed-rate schedule against the platform's timers, in one process, for docs/benchmarks.md.
// Lateness is a tick's start minus its due time t0 + n * period, with t0 read just before the timer or schedule is
// made; early ticks count as negative, and a skipped tick counts against the slot it was due in.
//
//     dotnet run -c Release --project benchmarks/ThreadKit.Timers -- [ticks=1000] [--svg docs/benchmarks/timers.svg]
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
var svgPath = args.SkipWhile(arg => arg != "--svg").Skip(1).FirstOrDefault();
var cases = new (string Name, Func<TimeSpan, int, (long Origin, List<long> Starts)> Run)[]
{
    ("WorkerLoop.ScheduleAtFixedRate", (period, count) => Loop(period, count, precise: false)),
    ("WorkerLoop.ScheduleAtFixedRate, PreciseTimers", (period, count) => Loop(period, count, precise: true)),
    ("PeriodicTimer", PeriodicTimerTicks),
    ("System.Threading.Timer", TimerTicks),
};

// Every case once, briefly, so that no measured run pays for the JIT.
foreach (var (_, run) in cases)
{
    run(TimeSpan.FromMilliseconds(1), 20);
}

var rows = new List<(string Case, TimeSpan Period, double P50, double P99, double Max, double Drift, int Missed)>();
foreach (var period in new[] { TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(1) })
{
    foreach (var (name, run) in cases)
    {
        var (origin, starts) = run(period, ticks);
        var (lateness, missed) = Lateness.Of(origin, period, starts);
        var drift = lateness[^1];
        lateness.Sort();
        rows.Add((name, period, Lateness.Percentile(lateness, 0.5), Lateness.Percentile(lateness, 0.99), lateness[^1], drift, missed));
    }
}

Console.WriteLine($"{ticks} ticks a case, {Environment.ProcessorCount} CPUs, {Environment.Version}");
Console.WriteLine("| Period | Case | p50 | p99 | max | drift at the last tick | missed | p99 / PeriodicTimer's |");
Console.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var row in rows)
{
    var periodic = rows.Single(other => other.Period == row.Period && other.Case == "PeriodicTimer").P99;
    Console.WriteLine($"| {row.Period.TotalMilliseconds} ms | `{row.Case}` | {Lateness.Format(row.P50)} | {Lateness.Format(row.P99)} | {Lateness.Format(row.Max)} | {Lateness.Format(row.Drift)} | {row.Missed} | {row.P99 / periodic:0.00}x |");
}

if (svgPath is not null)
{
    File.WriteAllText(svgPath, Chart(rows.Select(row => ($"{row.Period.TotalMilliseconds} ms: {row.Case}", row.P50, row.P99)).ToList()));
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
