// Does ThreadKit's telemetry cost anything when nobody listens? BenchmarkDotNet can compare the two builds only in
// separate processes run one after the other, and on a small virtual machine whole processes land in faster or
// slower states. This alternates the two, A B A B ..., so that drift hits both alike, and prints each run and the
// medians. A is a worker with the telemetry feature switch off (instruments removed); B is the normal build with
// nobody listening. Each figure is the best of 5 rounds of 10,000 start-and-join jobs, in microseconds.
//
//     dotnet run benchmarks/TelemetryAb.cs -- [PAIRS]
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

var pairs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
// Run from the repository's root. Not [CallerFilePath]: CI builds map source paths to "/_/".
var here = Path.Combine(Directory.GetCurrentDirectory(), "benchmarks");
var build = Directory.CreateTempSubdirectory("threadkit-telemetry-ab").FullName;
try
{
    Run("dotnet", $"build \"{Path.Combine(here, "anchors", "dotnet", "Anchors.csproj")}\" -c Release -o \"{build}\" --nologo -v quiet");
    var anchors = Path.Combine(build, "Anchors.dll");
    var removed = new List<double>();
    var listening = new List<double>();
    for (var i = 1; i <= pairs; i++)
    {
        removed.Add(Measure(anchors, "namedworker-no-telemetry"));
        listening.Add(Measure(anchors, "namedworker"));
        Console.Error.WriteLine($"pair {i}: instruments removed {removed[^1]} us, no listener {listening[^1]} us");
    }

    var (a, b) = (Median(removed), Median(listening));
    Console.WriteLine("| Build | Median of runs (us per start and join) | Range | Ratio |");
    Console.WriteLine("| --- | ---: | ---: | ---: |");
    Console.WriteLine($"| Instruments removed (feature switch off) | {F(a)} | {F(removed.Min())} to {F(removed.Max())} | 1.00 |");
    Console.WriteLine($"| Instruments present, nobody listening | {F(b)} | {F(listening.Min())} to {F(listening.Max())} | {(b / a).ToString("F2", CultureInfo.InvariantCulture)} |");
}
finally
{
    Directory.Delete(build, recursive: true);
}

static double Measure(string anchors, string mode) =>
    double.Parse(Run("dotnet", $"\"{anchors}\" {mode}").Trim(), CultureInfo.InvariantCulture);

static string Run(string file, string arguments)
{
    using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true })!;
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    return process.ExitCode == 0 ? output : throw new InvalidOperationException($"'{file} {arguments}' exited with {process.ExitCode}.");
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    var middle = sorted.Count / 2;
    return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

static string F(double value) => value.ToString("F1", CultureInfo.InvariantCulture);

