// Draws docs/benchmarks/chart.svg from BenchmarkDotNet's CSV reports, and prints their figures as one Markdown table.
//
// Each benchmark class is one case with a baseline measured in the same run; the chart shows every method of a case
// as a bar whose length is its time as a multiple of that baseline, with the 1.0 line and ThreadKit's 1.02
// start-and-join budget marked. It needs nothing but the .NET SDK; .ci/run redraws the chart and fails when the
// committed one differs.
//
//     dotnet run benchmarks/Chart.cs -- docs/benchmarks/results docs/benchmarks/chart.svg > table.md
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: dotnet run benchmarks/Chart.cs -- RESULTS_DIR OUT.svg  (RESULTS_DIR holds BenchmarkDotNet's *-report.csv files)");
    return 2;
}

var reports = Directory.Exists(args[0])
    ? Directory.GetFiles(args[0], "*-report.csv").OrderBy(path => path, StringComparer.Ordinal).ToList()
    : [];
if (reports.Count == 0)
{
    Console.Error.WriteLine($"no *-report.csv files in {args[0]}; run the benchmarks first (see docs/benchmarks.md)");
    return 1;
}

var cases = reports.SelectMany(Report.Read).ToList();
File.WriteAllText(args[1], Svg.Draw(cases), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
Console.Out.Write(Report.Markdown(cases));
return 0;

/// <summary>One method of a case: its label, its figures as BenchmarkDotNet wrote them, and its ratio to the baseline.</summary>
internal sealed record Row(string Label, string Mean, string Allocated, double Ratio, string Colour);

/// <summary>One benchmark class: its short name and its rows, baseline first.</summary>
internal sealed record Case(string Name, IReadOnlyList<Row> Rows);

internal static class Report
{
    public const string BaselineColour = "#7f7f7f";
    public const string ThreadKitColour = "#2f6fb0";
    public const string OtherColour = "#c7c7c7";

    private static readonly Dictionary<string, double> Units = new()
    {
        ["ns"] = 1e-9,
        ["us"] = 1e-6,
        ["\u03bcs"] = 1e-6,
        ["\u00b5s"] = 1e-6,
        ["ms"] = 1e-3,
        ["s"] = 1.0,
    };

    /// <summary>
    /// One CSV report: one case per benchmark category (a class grouped with <c>[GroupBenchmarksBy]</c> has a baseline in
    /// each), or one case for the whole class.
    /// </summary>
    public static IEnumerable<Case> Read(string path)
    {
        var rows = Csv.Read(File.ReadAllText(path, Encoding.UTF8).TrimStart('\uFEFF'));
        if (rows.Count == 0)
        {
            throw new InvalidDataException($"{path} has no rows");
        }

        var name = Path.GetFileName(path).Split("-report")[0].Split('.')[^1];
        if (name.EndsWith("Benchmarks", StringComparison.Ordinal))
        {
            name = name[..^"Benchmarks".Length];
        }

        var groups = rows.GroupBy(row => Cell(row, "Categories")).ToList();
        return groups.Select(group => ReadCase(groups.Count > 1 ? $"{name} {group.Key}" : name, [.. group]));
    }

    private static Case ReadCase(string name, List<Dictionary<string, string>> rows)
    {
        var jobs = rows.Select(row => row["Job"]).Distinct().Count();
        var baseline = rows.FirstOrDefault(row => Cell(row, "Ratio").Trim() == "1.00") ?? rows[0];
        var baseTime = Seconds(baseline["Mean"]);
        var ordered = new[] { baseline }.Concat(rows.Where(row => !ReferenceEquals(row, baseline)));
        var caseRows = ordered.Select(row =>
        {
            var label = row["Method"].Trim('\'');
            if (jobs > 1)
            {
                label += $" [{row["Job"]}]";
            }

            var allocated = Cell(row, "Allocated", "-").Trim();
            var colour = ReferenceEquals(row, baseline) ? BaselineColour
                : IsThreadKit(label) ? ThreadKitColour
                : OtherColour;
            return new Row(label, row["Mean"].Trim(), allocated.Length == 0 ? "-" : allocated, Ratio(row, baseTime), colour);
        }).ToList();

        return new Case(name, caseRows);
    }

    private static bool IsThreadKit(string label) =>
        label.Contains("NamedWorker", StringComparison.Ordinal) || label.Contains("WorkerLoop", StringComparison.Ordinal);

    public static string Markdown(IEnumerable<Case> cases)
    {
        var lines = new List<string> { "| Case | Method | Mean | Ratio | Allocated |", "| --- | --- | ---: | ---: | ---: |" };
        foreach (var @case in cases)
        {
            lines.AddRange(@case.Rows.Select(row =>
                $"| {@case.Name} | `{row.Label}` | {row.Mean} | {Svg.Fixed(row.Ratio, 2)} | {row.Allocated} |"));
        }

        return string.Join("\n", lines) + "\n";
    }

    /// <summary>"14.710 ms" is 0.014710: BenchmarkDotNet writes a number, a space and a unit, with thousands separators.</summary>
    private static double Seconds(string cell)
    {
        var match = Regex.Match(cell, @"^\s*([\d.,]+)\s*(\S+)\s*$");
        if (!match.Success || !Units.TryGetValue(match.Groups[2].Value, out var unit))
        {
            throw new InvalidDataException($"cannot read a time from '{cell}'");
        }

        return double.Parse(match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) * unit;
    }

    /// <summary>BenchmarkDotNet's own Ratio (the mean of per-iteration ratios) where it wrote one, else the ratio of means.</summary>
    private static double Ratio(Dictionary<string, string> row, double baseTime) =>
        double.TryParse(Cell(row, "Ratio").Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio)
            ? ratio
            : Seconds(row["Mean"]) / baseTime;

    private static string Cell(Dictionary<string, string> row, string column, string missing = "") =>
        row.TryGetValue(column, out var value) ? value : missing;
}

internal static class Svg
{
    private const double Budget = 1.02;
    private const int Width = 980;
    private const int LabelWidth = 430;
    private const int BarArea = 380;
    private const int RowHeight = 24;
    private const int CaseGap = 34;

    public static string Draw(IReadOnlyList<Case> cases)
    {
        var height = 70 + cases.Sum(@case => (@case.Rows.Count * RowHeight) + CaseGap);
        var topRatio = Math.Max(1.2, cases.SelectMany(@case => @case.Rows).Max(row => row.Ratio) * 1.05);
        var scale = BarArea / topRatio;
        double XOf(double ratio) => LabelWidth + (ratio * scale);

        var budget = Budget.ToString(CultureInfo.InvariantCulture);
        var output = new List<string>
        {
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" " +
            "font-family=\"Segoe UI, Helvetica, Arial, sans-serif\" font-size=\"12\">",
            $"<rect width=\"{Width}\" height=\"{height}\" fill=\"white\"/>",
            "<text x=\"12\" y=\"24\" font-size=\"16\" font-weight=\"bold\">ThreadKit against its baseline in the same run: time as a " +
            "multiple of the baseline, shorter is faster</text>",
            $"<rect x=\"12\" y=\"36\" width=\"12\" height=\"12\" fill=\"{Report.BaselineColour}\"/><text x=\"30\" y=\"46\">baseline</text>",
            $"<rect x=\"110\" y=\"36\" width=\"12\" height=\"12\" fill=\"{Report.ThreadKitColour}\"/><text x=\"128\" y=\"46\">ThreadKit</text>",
            $"<rect x=\"210\" y=\"36\" width=\"12\" height=\"12\" fill=\"{Report.OtherColour}\"/>" +
            "<text x=\"228\" y=\"46\">another way: a raw Thread or a peer library</text>",
        };

        var y = 70;
        foreach (var @case in cases)
        {
            output.Add($"<text x=\"12\" y=\"{y}\" font-weight=\"bold\">{Escape(@case.Name)}</text>");
            y += 8;
            var first = y;
            foreach (var row in @case.Rows)
            {
                var width = Math.Max(1.0, row.Ratio * scale);
                output.Add($"<text x=\"20\" y=\"{y + 16}\">{Escape(row.Label)}</text>");
                output.Add($"<rect x=\"{LabelWidth}\" y=\"{y + 4}\" width=\"{Fixed(width, 1)}\" height=\"{RowHeight - 8}\" fill=\"{row.Colour}\"/>");
                var detail = $"{Fixed(row.Ratio, 2)}x  {row.Mean}  {row.Allocated}";

                // Right of the bar and of the reference lines, so a short bar's figures never sit on a line.
                var textX = Math.Max(LabelWidth + width, XOf(Budget)) + 6;
                output.Add($"<text x=\"{Fixed(textX, 1)}\" y=\"{y + 16}\">{Escape(detail)}</text>");
                y += RowHeight;
            }

            foreach (var (ratio, dash) in new[] { (1.0, "none"), (Budget, "4 3") })
            {
                var x = Fixed(XOf(ratio), 1);
                output.Add($"<line x1=\"{x}\" y1=\"{first}\" x2=\"{x}\" y2=\"{y}\" stroke=\"#c0392b\" " +
                           $"stroke-width=\"1\" stroke-dasharray=\"{dash}\"/>");
            }

            y += CaseGap - 8;
        }

        output.Add($"<text x=\"{Fixed(XOf(Budget) + 3, 1)}\" y=\"{height - 8}\" fill=\"#c0392b\">dashed: the {budget}x budget</text>");
        output.Add("</svg>");
        return string.Join("\n", output) + "\n";
    }

    public static string Fixed(double value, int decimals) =>
        value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Escapes text for XML the way every SVG viewer reads it, quotes included.</summary>
    private static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#x27;", StringComparison.Ordinal);
}

/// <summary>RFC 4180 CSV, as BenchmarkDotNet writes it: quoted fields may hold commas, quotes and line breaks.</summary>
internal static class Csv
{
    public static List<Dictionary<string, string>> Read(string text)
    {
        var records = Records(text).ToList();
        if (records.Count == 0)
        {
            return [];
        }

        var header = records[0];
        return records.Skip(1)
            .Select(record => header.Select((column, i) => (column, value: i < record.Count ? record[i] : ""))
                .GroupBy(pair => pair.column)
                .ToDictionary(group => group.Key, group => group.First().value))
            .ToList();
    }

    private static IEnumerable<List<string>> Records(string text)
    {
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                record.Add(field.ToString());
                field.Clear();
                yield return record;
                record = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            yield return record;
        }
    }
}
