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
