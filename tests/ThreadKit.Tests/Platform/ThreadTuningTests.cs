using System;
using System.IO;
using System.Linq;
using System.Threading;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Platform;

/// <summary>Processor affinity and priorities that mean something on Linux, read back from /proc.</summary>
public sealed class ThreadTuningTests : TestBase
{
    private static int LastCpu => Environment.ProcessorCount - 1;

    [Fact]
    public void A_worker_pinned_to_one_CPU_runs_there_as_proc_shows()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/proc is Linux's");
        var worker = NamedWorker.Create("pinned", static () => CpusAllowed());
        worker.ProcessorAffinity = [LastCpu];

        worker.Start();

        worker.Join().Should().Be(LastCpu.ToString(System.Globalization.CultureInfo.InvariantCulture));
        worker.ProcessorAffinity.Should().Equal(LastCpu);
    }

    [Fact]
    public void An_empty_affinity_or_a_CPU_the_process_may_not_use_is_rejected_when_set()
    {
        var worker = NamedWorker.Create("badly pinned", static () => { });

        worker.Invoking(w => w.ProcessorAffinity = []).Should().Throw<ArgumentException>().WithMessage("*worker 'badly pinned' is empty*");
        worker.Invoking(w => w.ProcessorAffinity = [4096]).Should().Throw<ArgumentException>().WithMessage("CPU 4096*worker 'badly pinned'*");
        worker.Invoking(w => w.ProcessorAffinity = [-1]).Should().Throw<ArgumentException>();
        worker.ProcessorAffinity.Should().BeNull("a rejected value changes nothing");
    }

    [Fact]
    public void Affinity_is_a_thread_option_that_cannot_change_after_Start()
    {
        var worker = NamedWorker.Create("started", static () => { });
        worker.Start();

        worker.Invoking(w => w.ProcessorAffinity = [0]).Should().Throw<InvalidOperationException>().WithMessage("ProcessorAffinity can only be set before Start*");
        Join(worker);
    }

    [Theory]
    [InlineData(ThreadPriority.Lowest, 10)]
    [InlineData(ThreadPriority.BelowNormal, 5)]
    [InlineData(ThreadPriority.Normal, 0)]
    public void On_Linux_a_lower_priority_adds_to_the_processs_nice_value_up_to_19(ThreadPriority priority, int step)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "nice values are Linux's");
        var worker = NamedWorker.Create("niced " + priority, static () => Nice());
        worker.Priority = priority;

        worker.Start();

        worker.Join().Should().Be(Math.Min(19, ProcessNice() + step), "priorities are relative to the process's nice value");
    }

    [Fact]
    public void On_Linux_a_higher_priority_raises_the_threads_nice_value_where_the_process_may()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && Environment.UserName == "root", "raising a priority needs root or CAP_SYS_NICE");
        var worker = NamedWorker.Create("raised", static () => Nice());
        worker.Priority = ThreadPriority.Highest;

        worker.Start();

        worker.Join().Should().Be(Math.Max(-20, ProcessNice() - 10));
    }

    [Fact]
    public void An_affinity_that_names_a_CPU_twice_is_refused_like_any_other_bad_CPU()
    {
        var worker = NamedWorker.Create("twice pinned", static () => { });

        worker.Invoking(w => w.ProcessorAffinity = [0, 0]).Should().Throw<ArgumentException>()
            .WithParameterName("value").WithMessage("CPU 0 appears more than once in the processor affinity of*twice pinned*");
        new WorkerLoopOptions().Invoking(o => o.ProcessorAffinity = [0, 0]).Should().Throw<ArgumentException>().WithMessage("*the loop options*");
        new WorkerPoolOptions().Invoking(o => o.ProcessorAffinity = [0, 0]).Should().Throw<ArgumentException>().WithMessage("*the pool options*");
        worker.ProcessorAffinity.Should().BeNull();
    }

    [Fact]
    public void Loops_and_pools_take_the_same_thread_options()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/proc is Linux's");
        using var loop = WorkerLoop.Start("tuned loop", new WorkerLoopOptions { ProcessorAffinity = [LastCpu], Priority = ThreadPriority.BelowNormal, StackSize = NamedWorker.MinimumStackSize });
        using var pool = new WorkerPool("tuned pool", 1, new WorkerPoolOptions { ProcessorAffinity = [LastCpu], Priority = ThreadPriority.Lowest });

        loop.Invoke(static () => (CpusAllowed(), Nice())).Should().Be((LastCpu.ToString(System.Globalization.CultureInfo.InvariantCulture), Math.Min(19, ProcessNice() + 5)));
        pool.Start("tuned job", static () => (CpusAllowed(), Nice())).Join().Should().Be((LastCpu.ToString(System.Globalization.CultureInfo.InvariantCulture), Math.Min(19, ProcessNice() + 10)));
        loop.Worker.StackSize.Should().Be(NamedWorker.MinimumStackSize);
    }

    [Fact]
    public void Loop_and_pool_options_check_each_value_when_it_is_set()
    {
        var loop = new WorkerLoopOptions();
        var pool = new WorkerPoolOptions();

        loop.Invoking(o => o.StackSize = 1).Should().Throw<ArgumentOutOfRangeException>();
        pool.Invoking(o => o.Priority = (ThreadPriority)99).Should().Throw<ArgumentOutOfRangeException>();
        loop.Invoking(o => o.ProcessorAffinity = []).Should().Throw<ArgumentException>().WithMessage("*the loop options*");
        pool.Invoking(o => o.ProcessorAffinity = [4096]).Should().Throw<ArgumentException>().WithMessage("*the pool options*");
        using (var defaults = WorkerLoop.Start("null options", null))
        {
            defaults.Worker.StackSize.Should().Be(0, "null options are every option's default");
        }

        FluentActions.Invoking(() => new WorkerPool("no options", 1, null!)).Should().Throw<ArgumentNullException>().WithParameterName("options");
    }

    [Fact]
    public void A_pool_refuses_a_worker_with_a_processor_affinity()
    {
        using var pool = new WorkerPool("no pinning", 1);
        var worker = NamedWorker.Create("pinned job", static () => { });
        worker.ProcessorAffinity = [0];

        pool.Invoking(p => p.Start(worker)).Should().Throw<ArgumentException>().WithMessage("Worker 'pinned job' has ProcessorAffinity set*");
    }

    private static string CpusAllowed() =>
        File.ReadAllLines($"/proc/self/task/{NativeThreadId()}/status")
            .Single(line => line.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal))
            .Split(':')[1].Trim();

    private static int Nice() => NiceIn($"/proc/self/task/{NativeThreadId()}/stat");

    private static int ProcessNice() => NiceIn("/proc/self/stat");

    // Field 19 of a stat file, counted after the name in parentheses, which may hold spaces.
    private static int NiceIn(string statFile)
    {
        var stat = File.ReadAllText(statFile);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static long NativeThreadId() => NamedWorker.Current!.NativeThreadId!.Value;
}
