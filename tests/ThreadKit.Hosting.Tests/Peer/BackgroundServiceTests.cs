using System;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using ThreadKit.Tests;
using Xunit;

namespace ThreadKit.Hosting.Tests.Peer;

/// <summary>
/// dotnet/runtime's <c>BackgroundServiceTests</c> (Microsoft.Extensions.Hosting/tests/UnitTests), translated to
/// <see cref="NamedWorkerService"/>: each test names the original it translates. Where ThreadKit differs on purpose,
/// the test asserts ThreadKit's behaviour and names the row of the table in docs/design.md, "Hosted services".
/// </summary>
public sealed class BackgroundServiceTests : TestBase
{
    // Original: StartReturnsCompletedTask.
    [Fact]
    public async Task StartAsync_returns_a_completed_task_while_Execute_goes_on()
    {
        using var service = new Blocking();

        var start = service.StartAsync(CancellationToken.None);

        start.IsCompleted.Should().BeTrue();
        Wait(service.Entered);
        service.Worker!.IsAlive.Should().BeTrue();
        await service.StopAsync(CancellationToken.None);
    }

    // Original: StartCancelledThrowsTaskCanceledException. Deliberate difference, row "Start token": StartAsync never
    // throws; Execute runs on its thread and sees the stop at once.
    [Fact]
    public async Task StartAsync_with_a_cancelled_token_returns_a_completed_task_and_Execute_sees_a_stop()
    {
        using var service = new Blocking();

        await service.StartAsync(new CancellationToken(canceled: true));

        Join(service.Worker!);
        service.SawStop.Should().BeTrue();
    }

    // Original: StopAsyncWithoutStartAsyncNoops.
    [Fact]
    public async Task StopAsync_without_StartAsync_does_nothing()
    {
        using var service = new Blocking();

        await Await(service.StopAsync(CancellationToken.None));

        service.Worker.Should().BeNull();
    }

    // Original: StopAsyncStopsBackgroundService.
    [Fact]
    public async Task StopAsync_stops_Execute()
    {
        using var service = new Blocking();
        await service.StartAsync(CancellationToken.None);
        Wait(service.Entered);
        service.Worker!.IsAlive.Should().BeTrue();

        await Await(service.StopAsync(CancellationToken.None));

        service.Worker.IsAlive.Should().BeFalse();
    }

    // Original: StopAsyncStopsEvenIfTaskNeverEnds.
    [Fact]
    public async Task StopAsync_returns_when_its_token_fires_even_if_Execute_never_ends()
    {
        using var service = new IgnoresStop();
        await service.StartAsync(CancellationToken.None);
        Wait(service.Entered);
        using var timeout = new CancellationTokenSource(ExpectedTimeout);

        await Await(service.StopAsync(timeout.Token));

        service.Worker!.IsAlive.Should().BeTrue("the host stopped waiting; the worker goes on, on its background thread");
        service.Release.Set();
        Join(service.Worker);
    }

    // Original: StopAsyncThrowsIfCancellationCallbackThrows.
    [Fact]
    public async Task StopAsync_throws_if_a_stop_callback_throws_after_every_callback_has_run()
    {
        using var service = new ThrowOnStopService();
        await service.StartAsync(CancellationToken.None);
        Wait(service.Entered);
        using var timeout = new CancellationTokenSource(ExpectedTimeout);

        await FluentActions.Awaiting(() => service.StopAsync(timeout.Token)).Should().ThrowAsync<AggregateException>();

        service.TokenCalls.Should().Be(2);
        service.Release.Set();
        Join(service.Worker!);
    }

    // Original: StartAsyncThenDisposeTriggersCancelledToken.
    [Fact]
    public async Task Dispose_after_StartAsync_signals_the_stopping_token()
    {
        var service = new Blocking();
        await service.StartAsync(CancellationToken.None);
        Wait(service.Entered);

        service.Dispose();

        Join(service.Worker!);
        service.SawStop.Should().BeTrue();
    }

    // Original: StartAsyncThenCancelShouldCancelExecutingTask.
    [Fact]
    public async Task Cancelling_the_start_token_after_StartAsync_stops_Execute()
    {
        using var service = new Blocking();
        using var start = new CancellationTokenSource();
        await service.StartAsync(start.Token);
        Wait(service.Entered);

        start.Cancel();

        Join(service.Worker!);
        service.SawStop.Should().BeTrue();
    }

    // Original: CreateAndDisposeShouldNotThrow.
    [Fact]
    public void Dispose_without_StartAsync_does_not_throw()
    {
        var service = new Blocking();

        service.Invoking(s => s.Dispose()).Should().NotThrow();
    }

    // Original: StartSynchronousAndStop. A synchronous, blocking Execute is what NamedWorkerService is for.
    [Fact]
    public async Task A_blocking_Execute_does_not_block_StartAsync_and_has_ended_when_StopAsync_completes()
    {
        using var service = new Polling();

        await Await(service.StartAsync(CancellationToken.None));
        Wait(service.Entered);
        await Await(service.StopAsync(CancellationToken.None));

        service.Ended.IsSet.Should().BeTrue();
    }

    // Original: StartSynchronousExecuteShouldBeCancelable.
    [Fact]
    public async Task A_blocking_Execute_can_be_stopped_through_the_start_token()
    {
        using var service = new Polling();
        using var start = new CancellationTokenSource();
        await service.StartAsync(start.Token);
        Wait(service.Entered);

        start.Cancel();

        Wait(service.Ended);
    }

    private sealed class Blocking : NamedWorkerService
    {
        public ManualResetEventSlim Entered { get; } = new();

        public bool SawStop { get; private set; }

        protected override void Execute(CancellationToken stoppingToken)
        {
            Entered.Set();
            SawStop = stoppingToken.WaitHandle.WaitOne(UnexpectedTimeout);
        }
    }

    private sealed class IgnoresStop : NamedWorkerService
    {
        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        protected override void Execute(CancellationToken stoppingToken)
        {
            Entered.Set();
            Release.Wait(UnexpectedTimeout);
        }
    }

    /// <summary>The original's MySynchronousBackgroundService: polls its token, never awaits.</summary>
    private sealed class Polling : NamedWorkerService
    {
        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Ended { get; } = new();

        protected override void Execute(CancellationToken stoppingToken)
        {
            Entered.Set();
            while (!stoppingToken.IsCancellationRequested)
            {
                stoppingToken.WaitHandle.WaitOne(10);
            }

            Ended.Set();
        }
    }
}
