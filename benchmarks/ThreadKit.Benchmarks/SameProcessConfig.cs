using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ThreadKit.Benchmarks;

/// <summary>
/// Runs every method of a comparison in one process. BenchmarkDotNet's default launches a process per method, and on a
/// small virtual machine whole processes land in faster or slower states (about 140 or 180 us per thread start and
/// join here), so a ratio across processes measured the process as much as the code. In one process, the baseline and
/// ThreadKit share that state, and their ratio is the code's.
/// </summary>
internal sealed class SameProcessConfig : ManualConfig
{
    public SameProcessConfig()
    {
        // A class-level config adds its own jobs to the command line's, so dry runs must stay dry here too.
        var job = Program.IsDryRun ? Job.Dry : Job.Default;
        AddJob(job.WithToolchain(InProcessEmitToolchain.Instance).WithId("SameProcess"));
    }
}
