using System;
using System.Collections.Generic;
using System.Diagnostics;

// Shared with benchmarks/ThreadKit.Timers, which measures the same lateness for the platform's timers.
/// <summary>
/// Tick lateness, each run judged against the slot it served: the latest slot due by its start, never one before the
/// next unserved slot. Slots that passed unserved, while the machine or the work stalled, are counted apart as missed,
/// so that one stall shows as one late tick and a count of skipped slots, not as a run of late ones.
/// </summary>
internal static class Lateness
{
    public static (List<double> Microseconds, int Missed) Of(long origin, TimeSpan period, IReadOnlyList<long> starts)
    {
        var periodTicks = period.TotalSeconds * Stopwatch.Frequency;
        var lateness = new List<double>(starts.Count);
        var missed = 0;
        long slot = 0;
        foreach (var start in starts)
        {
            // The latest slot due by this start, and never one before the next unserved slot.
            var latest = (long)Math.Floor((start - origin) / periodTicks);
            var next = slot + 1;
            missed += (int)Math.Max(0, latest - next);

            slot = Math.Max(next, latest);
            lateness.Add(ToMicroseconds(start - origin - (slot * periodTicks)));
        }

        return (lateness, missed);
    }

    public static double Percentile(List<double> sorted, double fraction) =>
        sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(fraction * sorted.Count) - 1)];

    public static string Format(double microseconds) => microseconds >= 1000
        ? $"{microseconds / 1000:0.00} ms"
        : $"{microseconds:0} us";

    private static double ToMicroseconds(double ticks) => ticks * 1_000_000 / Stopwatch.Frequency;
}
