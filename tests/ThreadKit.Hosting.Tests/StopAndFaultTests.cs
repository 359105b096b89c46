using System;
using System.Collections.Concurrent;
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

/// <summary>Stopping waits for the worker but never hangs the host; faults are logged once and follow HostOptions.</summary>
public sealed class StopAndFaultTests : TestBase
{
    [Fact]
    public async Task StopAsync_signals_the_token_and_completes_only_after_Execute_has_returned()
    {
        using var probe = new Probe();
        var (host, _) = TestHost.Build(services => services.AddSingleton(probe).AddNamedWorker<BlockingConsumer>());
        await host.StartAsync();
        Wait(probe.Entered);

        await Await(host.StopAsync());

        probe.Returned.IsSet.Should().BeTrue("resources the host disposes next are no longer in use by the worker");
        host.Services.GetRequiredService<BlockingConsumer>().Worker!.IsAlive.Should().BeFalse();
        host.Dispose();
    }

    [Fact]
    public async Task When_the_shutdown_timeout_passes_first_StopAsync_returns_and_a_warning_names_the_worker()
    {
        using var probe = new Probe();
        var (host, logs) = TestHost.Build(
            services => services.AddSingleton(probe).AddNamedWorker<StuckService>(),
            options => options.ShutdownTimeout = ExpectedTimeout);
        await host.StartAsync();
        Wait(probe.Entered);

        await Await(host.StopAsync());

        logs.Entries.Should().ContainSingle(entry => entry.Level == LogLevel.Warning && entry.Message.Contains("'stuck' did not stop"));
        host.Services.GetRequiredService<StuckService>().Worker!.IsAlive.Should().BeTrue("the host stopped waiting; the worker goes on");
        probe.Returned.Set();
        host.Dispose();
    }

    [Fact]
    public async Task One_stubborn_worker_that_uses_up_the_shutdown_timeout_gets_only_itself_named_as_late()
    {
        using var probe = new Probe();
        var stoppedInTime = new ConcurrentQueue<string>();
        var (host, logs) = TestHost.Build(
            services =>
            {
                // The host stops services in reverse order of registration, one after another: the stuck one first.
                foreach (var name in new[] { "prompt-1", "prompt-2", "prompt-3" })
                {
                    services.AddNamedWorker(name, (_, stop) =>
                    {
                        stop.WaitHandle.WaitOne();
                        Thread.Sleep(50);
                        stoppedInTime.Enqueue(name);
                    });
                }

                services.AddSingleton(probe).AddNamedWorker<StuckService>();
            },
            options => options.ShutdownTimeout = TimeSpan.FromMilliseconds(300));
        await host.StartAsync();
        Wait(probe.Entered);

        await Await(host.StopAsync());

        logs.Entries.Where(static entry => entry.Level == LogLevel.Warning).Should().ContainSingle()
            .Which.Message.Should().Contain("'stuck' did not stop", "only the worker that really did not end is named");
        stoppedInTime.Should().BeEquivalentTo(["prompt-1", "prompt-2", "prompt-3"], "each got a wait of its own, and ended within it");
        probe.Returned.Set();
        host.Dispose();
    }

    [Fact]
    public async Task OperationCanceledException_from_the_stopping_token_during_shutdown_is_not_an_error()
    {
        using var probe = new Probe();
        var (host, logs) = TestHost.Build(services => services.AddSingleton(probe).AddNamedWorker<CancelingService>());
        await host.StartAsync();
        Wait(probe.Entered);
        var service = host.Services.GetRequiredService<CancelingService>();

        await TestHost.StopAndDisposeAsync(host);

        logs.Entries.Should().NotContain(entry => entry.Level >= LogLevel.Warning);
        service.Worker!.State.Should().Be(WorkerState.Canceled);
    }

    [Fact]
    public async Task A_fault_is_logged_once_as_an_error_naming_the_worker_and_ThreadKit_does_not_report_it_again()
    {
        using var probe = new Probe();
        var reportedByThreadKit = new ConcurrentQueue<NamedWorker>();
        void OnFault(object? sender, WorkerExceptionEventArgs e) => reportedByThreadKit.Enqueue(e.Worker);
        var (host, logs) = TestHost.Build(services => services.AddSingleton(probe).AddNamedWorker<FailingService>());
        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var hostStopping = new ManualResetEventSlim();
        using var registration = stopping.Register(hostStopping.Set);

        NamedWorker.UnhandledException += OnFault;
        try
        {
            await host.StartAsync();
            Wait(hostStopping, "StopHost, the default, stops the application");
        }
        finally
        {
            NamedWorker.UnhandledException -= OnFault;
        }

        var worker = host.Services.GetRequiredService<FailingService>().Worker!;
        var error = logs.Entries.Should().ContainSingle(entry => entry.Level >= LogLevel.Error).Subject;
        error.Message.Should().Contain("'failing'").And.Contain("StopHost");
        error.Exception.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Be("consumer broke");
        error.WorkerName.Should().Be("failing");
        error.Category.Should().Be(typeof(FailingService).FullName);
        reportedByThreadKit.Should().NotContain(worker, "the host's log is the one report");
        await TestHost.StopAndDisposeAsync(host);
    }

    [Fact]
    public async Task With_BackgroundServiceExceptionBehavior_Ignore_the_host_keeps_running()
    {
        using var probe = new Probe();
        var (host, logs) = TestHost.Build(
            services => services.AddSingleton(probe).AddNamedWorker<FailingService>(),
            options => options.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);
        await host.StartAsync();
        var worker = host.Services.GetRequiredService<FailingService>();
        Until(() => worker.Worker is { IsAlive: false }, "the worker should fail");
        Until(() => logs.Entries.Any(entry => entry.Level == LogLevel.Error), "the fault should be logged");

        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested.Should().BeFalse();
        logs.Entries.Single(entry => entry.Level == LogLevel.Error).Message.Should().Contain("keeps running");
        await TestHost.StopAndDisposeAsync(host);
    }
}
