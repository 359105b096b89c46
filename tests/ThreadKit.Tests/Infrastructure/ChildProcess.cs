using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using FluentAssertions;

namespace ThreadKit.Tests;

/// <summary>Runs the demo or a scenario in a fresh process, for behaviour only a whole process shows.</summary>
internal static class ChildProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public string[] OutputLines => StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static string DemoPath => Metadata("DemoAssembly");

    public static string ScenariosPath => Metadata("ScenariosAssembly");

    public static Result RunScenario(string scenario, string? shellPrefix = null, IDictionary<string, string>? environment = null)
    {
        var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
        {
            ["THREADKIT_ASSEMBLY"] = Asset.ThreadKitPath,
        };
        return shellPrefix is null
            ? Run(DotNetHost, [ScenariosPath, scenario], env)
            : Run("/bin/bash", ["-c", shellPrefix + " exec \"$0\" \"$@\"", DotNetHost, ScenariosPath, scenario], env);
    }

    public static Result Run(string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TestBase.UnexpectedTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not exit in time.");
        }

        process.WaitForExit();
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The dotnet host that runs this test process, so children use the same runtime.</summary>
    public static string DotNetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string Metadata(string key)
    {
        var path = typeof(ChildProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == key).Value!;
        File.Exists(path).Should().BeTrue($"{key} should have been built at {path}");
        return path;
    }
}
