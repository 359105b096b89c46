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

namespace ThreadKit.Hosting.Tests.Peer;

/// <summary>
/// The hosted-service lifecycle cases of dotnet/runtime's <c>HostTests</c> (Microsoft.Extensions.Hosting/tests/
/// UnitTests/Internal): start, stop, stop timeouts, dispose and <see cref="BackgroundServiceExceptionBehavior"/>,
/// translated to services registered with <c>AddNamedWorker</c> on the real generic host. Each test names its original.
/// </summary>
public sealed class HostTests : TestBase
{
    // Original: HostedServiceRegisteredAsSingletons.
    [Fact]
    public async Task The_service_is_a_singleton_started_stopped_and_disposed_by_the_host()
    {
        var counts = new Counts();
        var (host, _) = TestHost.Build(services => services.AddSingleton(counts).AddNamedWorker<CountingService>());
        var service = host.Services.GetRequiredService<CountingService>();

        counts.Starts.Should().Be(0);
        await host.StartAsync();
        counts.Starts.Should().Be(1);
        host.Services.GetRequiredService<CountingService>().Should().BeSameAs(service);
        await host.StopAsync();
        counts.Stops.Should().Be(1);
        counts.Disposes.Should().Be(0);
        host.Dispose();
        counts.Disposes.Should().Be(1);
    }

    // Original: HostCanBeStarted.
    [Fact]
    public void A_host_built_and_started_starts_the_service_once_and_disposes_it_once()
    {
        var counts = new Counts();
        using (var host = TestHost.Build(services => services.AddSingleton(counts).AddNamedWorker<CountingService>()).Host)
        {
            host.Start();
            counts.Starts.Should().Be(1);
            counts.Stops.Should().Be(0);
            counts.Disposes.Should().Be(0);
        }

        counts.Starts.Should().Be(1);
        counts.Stops.Should().Be(0, "disposing a host does not stop its services");
        counts.Disposes.Should().Be(1);
    }

    // Original: HostedServiceStartNotCalledIfHostNotStarted.
    [Fact]
    public async Task The_service_is_not_started_or_stopped_when_the_host_never_started()
    {
        var counts = new Counts();
        var (host, _) = TestHost.Build(services => services.AddSingleton(counts).AddNamedWorker<CountingService>());
        host.Services.GetRequiredService<CountingService>();
        host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        await host.StopAsync();
        host.Dispose();

        counts.Starts.Should().Be(0);
        counts.Stops.Should().Be(0);
        counts.Disposes.Should().Be(1);
    }

    // Original: HostCanBeStoppedWhenNotStarted.
    [Fact]
    public async Task A_host_that_never_started_can_be_stopped_without_stopping_the_service()
    {
        var counts = new Counts();
        var (host, _) = TestHost.Build(services => services.AddSingleton(counts).AddNamedWorker<CountingService>());
        host.Services.GetRequiredService<CountingService>();

        await host.StopAsync();

        counts.Stops.Should().Be(0);
        host.Dispose();
        counts.Disposes.Should().Be(1);
    }

    // Original: HostStopApplicationFiresStopOnHostedService.
    [Fact]
    public async Task Stopping_the_host_stops_the_service_once_and_only_Dispose_disposes_it()
    {
        var counts = new Counts();
        var (host, _) = TestHost.Build(services => services.AddSingleton(counts).AddNamedWorker<CountingService>());
        await host.StartAsync();

        await host.StopAsync();
        counts.Stops.Should().Be(1);
        counts.Disposes.Should().Be(0);

        host.Dispose();
        counts.Stops.Should().Be(1);
        counts.Disposes.Should().Be(1);
    }

    // Original: HostDisposeApplicationDoesNotFireStopOnHostedService.
    [Fact]
    public async Task Disposing_a_started_host_disposes_the_service_without_stopping_it_and_its_worker_is_asked_to_stop()
    {
        var counts = new Counts();
        var (host, _) = TestHost.Build(services => services.AddSingleton(counts).AddNamedWorker<CountingService>());
        await host.StartAsync();
        var worker = host.Services.GetRequiredService<CountingService>().Worker!;

        host.Dispose();

        counts.Stops.Should().Be(0);
        counts.Disposes.Should().Be(1);
        Join(worker);
    }

    // Original: HostShutsDownWhenTokenTriggers.
    [Fact]
    public async Task RunAsync_stops_and_disposes_the_service_when_its_token_fires()
    {
        var counts = new Counts();
        var (host, _) = TestHost.Build(services => services.AddSingleton(counts).AddNamedWorker<CountingService>());
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        using var cts = new CancellationTokenSource();

        var running = host.RunAsync(cts.Token);
        lifetime.ApplicationStarted.WaitHandle.WaitOne(UnexpectedTimeout).Should().BeTrue();
        counts.Starts.Should().Be(1);
        cts.Cancel();
        await Await(running);

        counts.Stops.Should().Be(1);
        counts.Disposes.Should().Be(1);
    }

    // Original: HostStopAsyncCanBeCancelledEarly.
    [Fact]
    public async Task Host_StopAsync_returns_early_when_its_token_fires_while_the_worker_is_stuck()
    {
        using var probe = new Probe();
        var (host, logs) = TestHost.Build(services => services.AddSingleton(probe).AddNamedWorker<StuckService>());
        await host.StartAsync();
        Wait(probe.Entered);
        using var cts = new CancellationTokenSource();

        var stopping = host.StopAsync(cts.Token);
        cts.Cancel();

        await Await(stopping);
        logs.Entries.Should().Contain(entry => entry.Level == LogLevel.Warning && entry.Message.Contains("'stuck' did not stop"));
        probe.Returned.Set();
        host.Dispose();
    }

    // Original: HostStopAsyncUsesDefaultTimeoutIfGivenTokenDoesNotFire and WebHostStopAsyncUsesDefaultTimeoutIfNoTokenProvided.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Host_StopAsync_returns_after_the_shutdown_timeout_while_the_worker_is_stuck(bool withToken)
    {
        using var probe = new Probe();
        var (host, _) = TestHost.Build(
            services => services.AddSingleton(probe).AddNamedWorker<StuckService>(),
            options => options.ShutdownTimeout = TimeSpan.FromSeconds(0.5));
        await host.StartAsync();
        Wait(probe.Entered);
        using var neverFires = new CancellationTokenSource();

        await Await(withToken ? host.StopAsync(neverFires.Token) : host.StopAsync());

        host.Services.GetRequiredService<StuckService>().Worker!.IsAlive.Should().BeTrue();
        probe.Returned.Set();
        host.Dispose();
    }

    // Original: HostDisposesServiceProvider. With a worker: nothing is disposed under Execute.
    [Fact]
    public async Task The_host_disposes_the_services_Execute_uses_only_after_Execute_has_returned()
    {
        var (host, _) = TestHost.Build(services => services.AddSingleton<Dependency>().AddNamedWorker<DependencyUsingService>());
        await host.StartAsync();
        var dependency = host.Services.GetRequiredService<Dependency>();
        var service = host.Services.GetRequiredService<DependencyUsingService>();
        Wait(service.Entered);

        await host.StopAsync();
        dependency.IsDisposed.Should().BeFalse();
        host.Dispose();

        dependency.IsDisposed.Should().BeTrue();
        service.SawDisposedDependency.Should().BeFalse();
    }

    // Original: BackgroundServiceAsyncExceptionGetsLogged. Deliberate difference, row "Exception": one error entry
    // names the worker, in place of "BackgroundService failed".
    [Theory]
    [InlineData(BackgroundServiceExceptionBehavior.Ignore, "keeps running")]
    [InlineData(BackgroundServiceExceptionBehavior.StopHost, "StopHost")]
    public async Task A_fault_after_start_is_logged_and_the_exception_behavior_applies(BackgroundServiceExceptionBehavior behavior, string expected)
    {
        using var probe = new Probe();
        var (host, logs) = TestHost.Build(
            services => services.AddSingleton(probe).AddNamedWorker<FailingService>(),
            options => options.BackgroundServiceExceptionBehavior = behavior);
        await host.StartAsync();
        Wait(probe.Entered);

        Until(() => logs.Entries.Any(entry => entry.Level == LogLevel.Error), "the fault should be logged");

        logs.Entries.Single(entry => entry.Level >= LogLevel.Error).Message.Should().Contain("'failing'").And.Contain(expected);
        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        if (behavior == BackgroundServiceExceptionBehavior.StopHost)
        {
            stopping.WaitHandle.WaitOne(UnexpectedTimeout).Should().BeTrue("StopHost stops the application");
        }
        else
        {
            stopping.IsCancellationRequested.Should().BeFalse();
        }

        await TestHost.StopAndDisposeAsync(host);
    }

    // Original: HostNoErrorWhenServiceIsCanceledAsPartOfStop.
    [Fact]
    public async Task A_worker_that_answers_its_stop_by_throwing_OperationCanceledException_logs_no_error()
    {
        using var probe = new Probe();
        var (host, logs) = TestHost.Build(services => services.AddSingleton(probe).AddNamedWorker<CancelingService>());

        host.Start();
        Wait(probe.Entered);
        await host.StopAsync();
        host.Dispose();

        logs.Entries.Should().OnlyContain(entry => entry.Level < LogLevel.Error);
    }
}
