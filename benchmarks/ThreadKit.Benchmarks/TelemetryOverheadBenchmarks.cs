using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace ThreadKit.Benchmarks;

/// <summary>
/// The same start and join, in a build with ThreadKit's instruments removed (the feature switch off) and in the
/// normal build with nobody listening. Equal figures show the instruments cost nothing when disabled.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Jobs))]
public class TelemetryOverheadBenchmarks
{
    [Benchmark(Description = "NamedWorker start + join")]
    public void NamedWorker()
    {
        var worker = ThreadKit.NamedWorker.Create("telemetry", static (string argument) => StartJoinBenchmarks.Consume(argument), "payload");
        worker.Start();
        worker.Join();
    }

    private sealed class Jobs : ManualConfig
    {
        public Jobs()
        {
            // A class-level config adds its own jobs to the command line's, so dry runs must stay dry here too. Job ids
            // become folder names that BenchmarkDotNet passes to MSBuild, so they hold no spaces or commas. The two
            // builds can only be compared across processes, and on a small virtual machine whole processes land in
            // faster or slower states, so each build is measured in five processes rather than one.
            var job = Program.IsDryRun ? Job.Dry : Job.Default.WithLaunchCount(5);
            AddJob(job.WithArguments([new MsBuildArgument("/p:ThreadKitTelemetry=false")]).WithId("InstrumentsRemoved").AsBaseline());
            AddJob(job.WithArguments([new MsBuildArgument("/p:ThreadKitTelemetry=true")]).WithId("NoListener"));
        }
    }
}
