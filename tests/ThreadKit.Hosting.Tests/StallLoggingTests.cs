using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ThreadKit.Tests;
using Xunit;

namespace ThreadKit.Hosting.Tests;

/// <summary>
/// Once an app registers anything of ThreadKit's, the host's log reports every stall as a warning. The watchdog is one
/// for the process, so every started host logs every stall: these tests run alone, lest their stalls reach the logs
/// of hosts that other tests are checking.
/// </summary>
[Collection(nameof(StallLoggingTests))]
[CollectionDefinition(nameof(StallLoggingTests), DisableParallelization = true)]
public sealed class StallLoggingTests : TestBase
{

    [Theory]
    [InlineData("AddNamedWorker")]
    [InlineData("AddThreadKitDiagnostics")]
    public async Task A_stall_is_logged_as_a_warning_in_category_ThreadKit_with_the_threads_name_in_scope(string registration)
    {
        var loopName = "logged stall " + registration;
        var (host, logs) = TestHost.Build(services =>
        {
            if (registration == "AddNamedWorker")
            {
                services.AddNamedWorker("idle", static (_, stop) => stop.WaitHandle.WaitOne(UnexpectedTimeout));
            }
            else
            {
                services.AddThreadKitDiagnostics().AddThreadKitDiagnostics();
            }
        });
        await host.StartAsync();
        using var loop = WorkerLoop.Start(loopName);
        loop.StallThreshold = TimeSpan.FromMilliseconds(100);
        using var release = new ManualResetEventSlim();
        loop.Post(() => release.Wait(UnexpectedTimeout));

        Until(() => logs.Entries.Any(entry => entry.WorkerName == loopName), "the stall should be logged");
        release.Set();
        await TestHost.StopAndDisposeAsync(host);

        var entry = logs.Entries.Should().ContainSingle(entry => entry.WorkerName == loopName, "one stall, one entry, however often it was registered").Subject;
        entry.Level.Should().Be(LogLevel.Warning);
        entry.Category.Should().Be("ThreadKit");
        entry.Message.Should().StartWith($"Loop '{loopName}' has been running");
    }

    [Fact]
    public async Task With_CaptureStacksOnStall_the_stall_warning_is_followed_by_the_stuck_threads_stack()
    {
        var (host, logs) = TestHost.Build(services => services.AddThreadKitDiagnostics(options => options.CaptureStacksOnStall = true));
        await host.StartAsync();
        WorkerStacks.CaptureOnStall.Should().BeTrue("the host turns captures on while it runs");
        using var loop = WorkerLoop.Start("stack logged");
        loop.StallThreshold = TimeSpan.FromMilliseconds(200);
        using var release = new ManualResetEventSlim();
        loop.Post(() => Inventory.CountSlowly(release));

        Until(() => logs.Entries.Any(entry => entry.WorkerName == "stack logged" && entry.Message.Contains(" at ", StringComparison.Ordinal)), "the stack should follow the stall");
        release.Set();
        await TestHost.StopAndDisposeAsync(host);

        var stack = logs.Entries.Single(entry => entry.WorkerName == "stack logged" && entry.Message.Contains(" at ", StringComparison.Ordinal));
        stack.Level.Should().Be(LogLevel.Warning);
        stack.Category.Should().Be("ThreadKit");
        stack.Message.Should().StartWith("Loop 'stack logged' has been running")
            .And.Contain("\"stack logged\" loop owner=stack logged nid=0x")
            .And.Contain("   at ThreadKit.Hosting.Tests.Inventory.CountSlowly");
        WorkerStacks.CaptureOnStall.Should().BeFalse("the host turns captures off when it stops");
    }

    [Fact]
    public async Task After_the_host_stops_stalls_are_no_longer_logged()
    {
        var (host, logs) = TestHost.Build(services => services.AddThreadKitDiagnostics());
        await host.StartAsync();
        await TestHost.StopAndDisposeAsync(host);
        using var stalls = new StallRecorder("after the host");
        using var loop = WorkerLoop.Start("after the host");
        loop.StallThreshold = TimeSpan.FromMilliseconds(100);
        using var release = new ManualResetEventSlim();
        loop.Post(() => release.Wait(UnexpectedTimeout));

        stalls.Next(UnexpectedTimeout);
        release.Set();

        logs.Entries.Should().NotContain(entry => entry.WorkerName == "after the host");
    }
}

internal static class Inventory
{
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public static void CountSlowly(ManualResetEventSlim release) => release.Wait(TestBase.UnexpectedTimeout);
}
