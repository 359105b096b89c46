using System;
using System.Collections.Generic;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.EndToEnd;

/// <summary>Behaviour that only a whole process shows, each run in a fresh child process.</summary>
public sealed class ProcessLevelTests : TestBase
{
    [Fact]
    public void A_thread_the_OS_cannot_create_fails_Start_cleanly_and_the_worker_can_start_again()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Limits the address space with ulimit.");

        // With 3 GB of address space and a small GC heap, a 2 GiB stack cannot be mapped.
        var result = ChildProcess.RunScenario(
            "start-fails",
            shellPrefix: "ulimit -v 3000000 &&",
            environment: new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x10000000" });

        result.ExitCode.Should().Be(0, result.StandardError + result.StandardOutput);
        result.OutputLines.Should().Equal(
            "start failed: The operating system could not create a thread for worker 'TooBig' (stack size: 2147483647 bytes). Lower StackSize or the number of live threads, then call Start again.",
            "state=Unstarted alive=False id=null active=0 listed=0",
            "ran after retry",
            "state=Completed");
    }

    [Fact]
    public void The_telemetry_feature_switch_removes_every_instrument()
    {
        var result = ChildProcess.RunScenario("telemetry-switched-off");

        result.ExitCode.Should().Be(0, result.StandardError);
        result.OutputLines.Should().Equal("instruments published: 0");
    }

    [Fact]
    public void An_exception_whose_ToString_throws_is_still_reported_and_rethrown()
    {
        var result = ChildProcess.RunScenario("hostile-exception");

        result.ExitCode.Should().Be(0, result.StandardError);
        result.OutputLines.Should().Equal("joined hostile exception");
        result.StandardError.Should().Be(
            "Exception in thread Hostile:\nThreadKit.Scenarios.Program+HostileToStringException (its ToString() threw System.InvalidOperationException)\n");
    }

    [Fact]
    public void An_async_void_body_that_throws_does_not_end_the_process_and_is_reported_once_to_stderr()
    {
        var result = ChildProcess.RunScenario("async-void-fault");

        result.ExitCode.Should().Be(0, result.StandardError);
        result.OutputLines.Should().Equal("joined: async void boom", "process survived");
        result.StandardError.Should().StartWith("Exception in thread AsyncVoid:\nSystem.InvalidOperationException: async void boom");
        result.StandardError.Split("Exception in thread").Should().HaveCount(2, "the fault is reported exactly once");
    }

    [Fact]
    public void Without_the_privilege_to_raise_a_priority_workers_still_run_and_the_refusal_is_reported_once()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && System.IO.File.Exists("/usr/bin/setpriv"), "Drops CAP_SYS_NICE with util-linux's setpriv.");

        var result = ChildProcess.RunScenario("raise-priority", shellPrefix: "ulimit -e 0 && exec setpriv --bounding-set=-sys_nice --inh-caps=-sys_nice \"$0\" \"$@\";");

        result.ExitCode.Should().Be(0, result.StandardError);
        result.OutputLines.Should().Equal("Raised0 ran", "Raised1 ran");
        result.StandardError.Should().Be(
            $"ThreadKit could not raise the priority of thread 'Raised0' to Highest (nice {Math.Max(-20, ProcessNice() - 10)}, from the process's {ProcessNice()}): raising a thread's priority on Linux needs root or CAP_SYS_NICE. The thread runs at the process's priority. This is reported once per process.\n");
    }

    [Fact]
    public void In_a_process_started_with_nice_15_and_no_privilege_priorities_are_relative_and_keep_their_order()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && System.IO.File.Exists("/usr/bin/setpriv"), "Drops CAP_SYS_NICE with util-linux's setpriv.");

        var result = ChildProcess.RunScenario(
            "priority-order",
            shellPrefix: "ulimit -e 0 && exec setpriv --bounding-set=-sys_nice --inh-caps=-sys_nice nice -n 15 \"$0\" \"$@\";");

        result.ExitCode.Should().Be(0, result.StandardError);
        var process = Math.Min(19, ProcessNice() + 15);
        result.OutputLines.Should().Equal(
            $"Process {process}",
            $"Lowest {Math.Min(19, process + 10)}",
            $"BelowNormal {Math.Min(19, process + 5)}",
            $"Normal {process}",
            $"AboveNormal {process}");
        result.StandardError.Should().Contain("could not raise the priority of thread 'nice AboveNormal' to AboveNormal", "raising needs the privilege");
    }

    [Fact]
    public void Every_kind_of_thread_starts_when_the_callers_execution_context_flow_is_already_suppressed()
    {
        var result = ChildProcess.RunScenario("suppressed-flow-starts");

        result.ExitCode.Should().Be(0, result.StandardError);
        result.OutputLines.Should().Equal("worker", "unflowed worker", "loop", "pool job", "watchdog");
        result.StandardError.Should().BeEmpty();
    }

    private static int ProcessNice()
    {
        var stat = System.IO.File.ReadAllText("/proc/self/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], System.Globalization.CultureInfo.InvariantCulture);
    }
}
