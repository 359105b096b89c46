using System.Collections.Generic;
using System.Linq;

/// <summary>
/// Figures from cases that took turns within each round: medians over the rounds, and ratios taken within a round,
/// so that a machine that slows down or speeds up between rounds moves both sides of a ratio alike.
/// </summary>
internal static class Rounds
{
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
