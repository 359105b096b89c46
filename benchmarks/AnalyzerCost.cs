// The build-time cost of ThreadKit's analyzers, for docs/benchmarks.md: generates a consumer project of 300 files
// (a class each, with the calls the rules look at: workers, loops, pools, tasks, awaits, threads), then builds it from
// scratch with the analyzers and without them, taking turns, and prints the median of each and their ratio. It also
// prints the analyzers' own time as the compiler reports it (ReportAnalyzer).
//
//     dotnet run benchmarks/AnalyzerCost.cs -- [rounds=5] [files=300]
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Globalization;
using System.Text.RegularExpressions;

var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var files = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
var root = Directory.GetCurrentDirectory();
if (!File.Exists(Path.Combine(root, "ThreadKit.sln")))
{
    Console.Error.WriteLine("Run this from the repository's root, where ThreadKit.sln is.");
    return 2;
}

var work = Path.Combine(Path.GetTempPath(), "threadkit-analyzer-cost");
if (Directory.Exists(work))
{
    Directory.Delete(work, recursive: true);
}

Directory.CreateDirectory(work);
File.WriteAllText(Path.Combine(work, "Directory.Build.props"), "<Project />\n");
File.WriteAllText(Path.Combine(work, "Directory.Build.targets"), "<Project />\n");
File.WriteAllText(Path.Combine(work, "Directory.Packages.props"), "<Project />\n");
var src = Path.Combine(root, "src");
File.WriteAllText(Path.Combine(work, "Consumer.csproj"), $"""
    <Project Sdk="Microsoft.NET.Sdk">
      <PropertyGroup>
        <OutputType>Exe</OutputType>
        <TargetFramework>net10.0</TargetFramework>
        <ImplicitUsings>enable</ImplicitUsings>
        <Nullable>enable</Nullable>
        <NoWarn>$(NoWarn);CS1998</NoWarn>
      </PropertyGroup>
      <ItemGroup>
        <Reference Include="{src}/ThreadKit/bin/Release/net10.0/ThreadKit.dll" />
        <Analyzer Include="{src}/ThreadKit.Analyzers/bin/Release/netstandard2.0/ThreadKit.Analyzers.dll" Condition="'$(WithThreadKitAnalyzers)' == 'true'" />
      </ItemGroup>
    </Project>
    """);
File.WriteAllText(Path.Combine(work, "Program.cs"), "Console.WriteLine(\"consumer\");\n");
for (var i = 0; i < files; i++)
{
    File.WriteAllText(Path.Combine(work, $"Service{i}.cs"), $$"""
        using System.Collections.Concurrent;
        using ThreadKit;

        namespace Consumer;

        public sealed class Service{{i}}
        {
            private readonly BlockingCollection<int> _queue = new();
            private readonly WorkerLoop _loop = WorkerLoop.Start("loop-{{i}}");

            public int Sum(IEnumerable<int> values) => values.Where(static v => v % 2 == 0).Select(static v => v * {{i}}).Sum();

            public void StartWorkers(WorkerPool pool)
            {
                var worker = NamedWorker.Create("worker-{{i}}", static (int n) => Console.WriteLine(n), {{i}});
                worker.Start();
                worker.Join();
                pool.Start("job-{{i}}", () => _queue.Add({{i}})).Join();
                _loop.Post(() => Console.WriteLine(_loop.Invoke(() => {{i}})));
            }

            public async Task<int> ComputeAsync(CancellationToken token)
            {
                var total = 0;
                for (var n = 0; n < 10; n++)
                {
                    total += await _loop.InvokeAsync(() => n * 2);
                    await Task.Delay(1, token);
                }

                var thread = new Thread(() => Console.WriteLine(total));
                thread.Start();
                thread.Join();
                return await Task.Run(() => total + Sum(Enumerable.Range(0, 100)), token);
            }

            public string Describe() => $"Service {{i}}: {_queue.Count} queued, {string.Join(", ", Enumerable.Range(0, 5))}";
        }
        """);
}

// The library and the analyzers as they ship, built once; the consumer references their files, as from a package.
Run("dotnet", $"build \"{Path.Combine(src, "ThreadKit", "ThreadKit.csproj")}\" -c Release -f net10.0");
Run("dotnet", $"build \"{Path.Combine(src, "ThreadKit.Analyzers", "ThreadKit.Analyzers.csproj")}\" -c Release");
Run("dotnet", $"build \"{work}\" -c Release -p:WithThreadKitAnalyzers=true");
Run("dotnet", $"build \"{work}\" -c Release -p:WithThreadKitAnalyzers=false");
var times = new Dictionary<bool, List<double>> { [true] = [], [false] = [] };
var analyzerSeconds = new List<double>();
for (var round = 0; round < rounds; round++)
{
    foreach (var withAnalyzers in round % 2 == 0 ? new[] { false, true } : [true, false])
    {
        var clock = Stopwatch.StartNew();
        var output = Run("dotnet", $"build \"{work}\" -c Release --no-restore --no-dependencies -p:WithThreadKitAnalyzers={withAnalyzers.ToString().ToLowerInvariant()} -p:ReportAnalyzer=true -t:Rebuild -v:d");
        times[withAnalyzers].Add(clock.Elapsed.TotalSeconds);
        if (withAnalyzers)
        {
            // "   0.012   12   ThreadKit.Analyzers, Version=..." : the compiler's time for the whole assembly's analyzers.
            var line = Regex.Match(output, @"^\s*<?(\d+(?:\.\d+)?)\s+<?\d+\s+ThreadKit\.Analyzers,", RegexOptions.Multiline);
            if (line.Success)
            {
                analyzerSeconds.Add(double.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        }
    }
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

var without = Median(times[false]);
var with = Median(times[true]);
Console.WriteLine($"{files} files, {rounds} rebuilds each, taking turns, {Environment.ProcessorCount} CPUs");
Console.WriteLine($"without ThreadKit's analyzers: {without:F2} s (median; {times[false].Min():F2} to {times[false].Max():F2} s)");
Console.WriteLine($"with ThreadKit's analyzers:    {with:F2} s (median; {times[true].Min():F2} to {times[true].Max():F2} s)");
Console.WriteLine($"ratio: {with / without:F3}x");
if (analyzerSeconds.Count > 0)
{
    Console.WriteLine($"ThreadKit's analyzers' own time, as the compiler reports it: median {Median(analyzerSeconds) * 1000:F0} ms a build");
}

return 0;

static string Run(string file, string arguments)
{
    var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEndAsync();
    var error = process.StandardError.ReadToEndAsync();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"`{file} {arguments}` failed:\n{output.Result}\n{error.Result}");
    }

    return output.Result;
}
