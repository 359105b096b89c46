using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

/// <summary>
/// Figures from cases that took turns within each round: medians over the rounds, and ratios taken within a round,
/// so that a machine that slows down or speeds up between rounds moves both sides of a ratio alike.
/// </summary>
internal static class Rounds
{
    /// <summary>
    /// Runs the cases in turn, once each per round, after a warm-up round that is not kept. <paramref name="runCase"/>
    /// runs case <c>c</c> once and returns how many operations that was. Returns, for each case, one figure per round:
    /// nanoseconds and bytes allocated per operation.
    /// </summary>
    public static (List<double>[] Nanoseconds, List<double>[] Bytes) TakeTurns(int rounds, int caseCount, Func<int, double> runCase)
    {
        var times = Enumerable.Range(0, caseCount).Select(static _ => new List<double>()).ToArray();
        var bytes = Enumerable.Range(0, caseCount).Select(static _ => new List<double>()).ToArray();
        for (var round = -1; round < rounds; round++)
        {
            for (var c = 0; c < caseCount; c++)
            {
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var clock = Stopwatch.StartNew();
                var operations = runCase(c);
                var elapsed = clock.Elapsed.TotalNanoseconds / operations;
                var perOperation = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / operations;
                if (round >= 0)
                {
                    times[c].Add(elapsed);
                    bytes[c].Add(perOperation);
                }
            }
        }

        return (times, bytes);
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Each round's time for a case divided by the same round's time for its baseline.</summary>
    public static List<double> Ratios(IReadOnlyList<double> times, IReadOnlyList<double> baseline) =>
        times.Select((time, round) => time / baseline[round]).ToList();

    /// <summary>The median ratio and its range, for a Markdown cell: <c>0.52x (0.46x to 0.93x)</c>.</summary>
    public static string DescribeRatios(IReadOnlyList<double> times, IReadOnlyList<double> baseline)
    {
        var ratios = Ratios(times, baseline);
        return $"{Median(ratios):F2}x ({ratios.Min():F2}x to {ratios.Max():F2}x)";
    }
}
