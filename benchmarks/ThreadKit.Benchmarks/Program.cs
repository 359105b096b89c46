using System;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace ThreadKit.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/ThreadKit.Benchmarks -- --filter '*'</c>.
/// Every class pairs ThreadKit with a raw <see cref="System.Threading.Thread"/> baseline measured in the same run.
/// </summary>
public static class Program
{
    /// <summary>Gets a value indicating whether the run was asked for BenchmarkDotNet's dry job, as CI does.</summary>
    public static bool IsDryRun { get; private set; }

    public static void Main(string[] args)
    {
        IsDryRun = args.Any(arg => string.Equals(arg, "Dry", StringComparison.OrdinalIgnoreCase));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance);
    }
}
