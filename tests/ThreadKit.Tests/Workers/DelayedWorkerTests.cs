using System;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ThreadKit.Tests.Workers;

/// <summary>Delayed workers, like Python's threading.Timer.</summary>
public sealed class DelayedWorkerTests : TestBase
{
    [Fact]
    public void The_body_runs_on_the_named_thread_after_the_delay()
    {
        string? ranOn = null;
        var timer = DelayedWorker.Create("reminder", TimeSpan.FromMilliseconds(10), () => ranOn = NamedWorker.CurrentThreadName);

        timer.Start();

        timer.Join().Should().BeTrue("the body ran");
        ranOn.Should().Be("reminder");
        timer.Delay.Should().Be(TimeSpan.FromMilliseconds(10));
        timer.IsCanceled.Should().BeFalse();
    }

    [Fact]
    public void On_its_TimeProvider_the_body_runs_when_that_clock_passes_the_delay_and_not_before()
    {
        var clock = new FakeTimeProvider();
        using var ran = new ManualResetEventSlim();
        var timer = DelayedWorker.Create("fake clock timer", TimeSpan.FromHours(1), ran.Set);
        timer.TimeProvider = clock;

        timer.Start();
        clock.Advance(TimeSpan.FromMinutes(59));
        StaysClosed(ran, "an hour has not passed on the worker's clock");
        clock.Advance(TimeSpan.FromMinutes(1));

        timer.Join(UnexpectedTimeout).Should().BeTrue();
        timer.Join().Should().BeTrue("the body ran");
        timer.Invoking(t => t.TimeProvider = TimeProvider.System).Should().Throw<InvalidOperationException>().WithMessage("TimeProvider can only be set before Start*");
    }

    [Fact]
    public void On_its_TimeProvider_a_cancel_before_the_delay_still_ends_the_wait_at_once()
    {
        var clock = new FakeTimeProvider();
        var timer = DelayedWorker.Create("fake clock canceled", TimeSpan.FromHours(1), static () => { });
        timer.TimeProvider = clock;
        timer.Start();

        timer.Cancel().Should().BeTrue();

        timer.Join(UnexpectedTimeout).Should().BeTrue("the wait ends at once");
        timer.Join().Should().BeFalse("the body never ran");
        timer.State.Should().Be(WorkerState.Canceled);
    }

    [Fact]
    public void Cancel_before_the_delay_passes_keeps_the_body_from_running()
    {
        var ran = false;
        var timer = DelayedWorker.Create("canceled", UnexpectedTimeout, () => ran = true);
        timer.Start();

        timer.Cancel().Should().BeTrue();

        timer.Join().Should().BeFalse("the body did not run, and a canceled timer's join does not throw");
        ran.Should().BeFalse();
        timer.IsCanceled.Should().BeTrue();
        timer.State.Should().Be(WorkerState.Canceled, "a worker stopped before it ran its body is canceled everywhere");
        timer.Exception.Should().BeNull("it was stopped, not failed, and has nothing to rethrow");
        timer.Cancel().Should().BeTrue("cancelling again reports the same");
    }

    [Fact]
    public void Cancel_before_Start_means_the_body_never_runs()
    {
        var ran = false;
        var timer = DelayedWorker.Create("early cancel", TimeSpan.Zero, () => ran = true);

        timer.Cancel().Should().BeTrue();
        timer.Start();

        timer.Join().Should().BeFalse();
        ran.Should().BeFalse();
    }

    [Fact]
    public void Cancel_after_the_body_began_returns_false_and_signals_its_stop_token()
    {
        using var running = new ManualResetEventSlim();
        var timer = DelayedWorker.Create("begun", TimeSpan.Zero, (CancellationToken stop) =>
        {
            running.Set();
            stop.WaitHandle.WaitOne(UnexpectedTimeout);
        });
        timer.Start();
        Wait(running);

        timer.Cancel().Should().BeFalse();

        timer.Join().Should().BeTrue();
        timer.IsStopRequested.Should().BeTrue();
    }

    [Fact]
    public void Dispose_cancels_a_pending_run()
    {
        var ran = false;
        var timer = DelayedWorker.Create("disposed timer", UnexpectedTimeout, () => ran = true);
        timer.Start();

        timer.Dispose();

        timer.IsAlive.Should().BeFalse();
        timer.Join().Should().BeFalse();
        ran.Should().BeFalse();
        timer.State.Should().Be(WorkerState.Canceled);
    }

    [Fact]
    public async Task A_timer_stopped_before_its_delay_ends_is_Canceled_and_its_joins_return_false_without_throwing()
    {
        var timer = DelayedWorker.Create("stopped timer", UnexpectedTimeout, static () => { });
        timer.Start();

        timer.RequestStop();

        (await Await(timer.JoinAsync())).Should().BeFalse("JoinAsync agrees with Join");
        timer.Join(UnexpectedTimeout, out var ran).Should().BeTrue();
        ran.Should().BeFalse();
        timer.State.Should().Be(WorkerState.Canceled);
        timer.IsCanceled.Should().BeTrue();
        timer.Exception.Should().BeNull();
    }

    [Fact]
    public void A_canceled_timer_in_a_group_is_not_a_fault_and_leaves_the_group()
    {
        using var group = new WorkerGroup("timers");
        var timer = group.Start(DelayedWorker.Create("group timer", UnexpectedTimeout, static () => { }));

        timer.Cancel().Should().BeTrue();

        group.JoinAll();
        group.Workers.Should().BeEmpty();
        timer.State.Should().Be(WorkerState.Canceled);
    }

    [Fact]
    public void A_timer_whose_body_ran_is_Completed()
    {
        var timer = DelayedWorker.Create("ran", TimeSpan.Zero, static () => { });
        timer.Start();

        timer.Join().Should().BeTrue();
        timer.State.Should().Be(WorkerState.Completed);
    }

    [Fact]
    public async Task JoinAsync_tells_whether_it_ran()
    {
        var timer = DelayedWorker.Create(null, TimeSpan.Zero, static () => { });
        timer.Start();

        (await Await(timer.JoinAsync())).Should().BeTrue();
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(3e9)]
    public void An_impossible_delay_is_rejected(double milliseconds)
    {
        FluentActions.Invoking(() => DelayedWorker.Create("bad delay", TimeSpan.FromMilliseconds(milliseconds), static () => { }))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("delay");
    }

    [Fact]
    public void Cancel_racing_the_delay_always_agrees_with_whether_the_body_ran()
    {
        for (var i = 0; i < 300; i++)
        {
            var ran = 0;
            var timer = DelayedWorker.Create("race", TimeSpan.Zero, () => Interlocked.Increment(ref ran));
            timer.Start();

            var canceled = timer.Cancel();
            var reportedRun = timer.Join();

            reportedRun.Should().Be(!canceled);
            ran.Should().Be(reportedRun ? 1 : 0);
            timer.State.Should().Be(canceled ? WorkerState.Canceled : WorkerState.Completed);
        }
    }
}
