using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ThreadKit.Tests.Diagnostics;

/// <summary>The stall watchdog: work past its owner's threshold is reported once, in time, and short work never is.</summary>
public sealed class StallWatchdogTests : TestBase
{
    private static readonly TimeSpan Threshold = TimeSpan.FromMilliseconds(300);

    [Fact]
    public void A_loop_item_past_the_threshold_is_reported_once_when_the_loops_clock_passes_it_and_not_before()
    {
        var clock = new FakeTimeProvider();
        using var stalls = new StallRecorder("stuck loop");
        using var loop = WorkerLoop.Start("stuck loop", new WorkerLoopOptions { TimeProvider = clock });
        loop.StallThreshold = TimeSpan.FromSeconds(5);
        using var release = new ManualResetEventSlim();
        using var entered = new ManualResetEventSlim();
        loop.Post(() =>
        {
            entered.Set();
            release.Wait(UnexpectedTimeout);
        });
        Wait(entered);

        // A listing observes the item as a sample does: from here its time counts, on the loop's clock.
        WorkerDiagnostics.GetThreads();
        clock.Advance(TimeSpan.FromSeconds(4.9));
        Never(() => stalls.Stalls.Count > 0, "4.9 s is short of the threshold");
        clock.Advance(TimeSpan.FromSeconds(0.1));
        var (stall, _) = stalls.Next(UnexpectedTimeout);
        clock.Advance(TimeSpan.FromSeconds(30));
        Never(() => stalls.Stalls.Count > 1, "one item is reported once, however long it runs");
        release.Set();

        stall.Elapsed.Should().Be(TimeSpan.FromSeconds(5), "the clock's sample timer wakes the watchdog at the threshold");
        stall.Thread.Kind.Should().Be(WorkerThreadKind.Loop);
        stall.Thread.Name.Should().Be("stuck loop");
    }

    [Fact]
    public void A_real_clock_reports_a_stuck_loop_item_no_later_than_the_threshold_plus_half_of_it_and_some_slack()
    {
        using var stalls = new StallRecorder("stuck on the real clock");
        using var loop = WorkerLoop.Start("stuck on the real clock");
        loop.StallThreshold = Threshold;
        using var release = new ManualResetEventSlim();
        long started = 0;
        loop.Post(() =>
        {
            started = Stopwatch.GetTimestamp();
            release.Wait(UnexpectedTimeout);
        });

        var (stall, at) = stalls.Next(UnexpectedTimeout);
        release.Set();

        Stopwatch.GetElapsedTime(started, at).Should().BeLessThanOrEqualTo(Threshold + TimeSpan.FromSeconds(1) + TimeSpan.FromMilliseconds(250));
        stall.Elapsed.Should().BeGreaterThanOrEqualTo(Threshold);
    }

    [Fact]
    public void A_pool_job_past_the_threshold_is_reported_once_with_the_jobs_name()
    {
        using var stalls = new StallRecorder("stuck pool");
        using var pool = new WorkerPool("stuck pool", 1) { StallThreshold = Threshold };
        using var release = new ManualResetEventSlim();
        var job = pool.Start("never returns", () => release.Wait(UnexpectedTimeout));
        pool.Start("behind it", static () => { });

        var (stall, _) = stalls.Next(UnexpectedTimeout);
        StaysClosed(release);
        release.Set();
        Join(job);

        stall.Thread.Kind.Should().Be(WorkerThreadKind.Pool);
        stall.Thread.Name.Should().Be("never returns");
        stall.Thread.CurrentWork.Should().Be("never returns");
        stall.Thread.QueuedCount.Should().Be(1);
        stall.Message.Should().Contain("Pool 'stuck pool'").And.Contain("job 'never returns'").And.Contain("1 job(s) queued");
        stalls.Stalls.Should().ContainSingle();
    }

    [Fact]
    public void Two_hundred_items_of_20_ms_under_a_500_ms_threshold_raise_nothing()
    {
        var clock = new FakeTimeProvider();
        using var stalls = new StallRecorder("brisk loop");
        using var loop = WorkerLoop.Start("brisk loop", new WorkerLoopOptions { TimeProvider = clock });
        loop.StallThreshold = TimeSpan.FromMilliseconds(500);
        for (var i = 0; i < 200; i++)
        {
            // Each item takes 20 ms of the loop's clock, while the clock's sample timer wakes the watchdog every 125 ms.
            loop.Post(() => clock.Advance(TimeSpan.FromMilliseconds(20)));
        }

        Join(loop);

        clock.GetUtcNow().Should().Be(clock.Start + TimeSpan.FromSeconds(4), "200 items of 20 ms each");
        stalls.Stalls.Should().BeEmpty("work shorter than the threshold is never a stall");
    }

    [Fact]
    public void A_stuck_loop_with_work_queued_behind_it_is_explained_as_a_possible_deadlock()
    {
        using var stalls = new StallRecorder("deadlock loop");
        using var loop = WorkerLoop.Start("deadlock loop");
        loop.StallThreshold = Threshold;
        using var release = new ManualResetEventSlim();
        loop.Post(() => release.Wait(UnexpectedTimeout));
        loop.Post(static () => { });
        loop.Post(static () => { });

        var (stall, _) = stalls.Next(UnexpectedTimeout);
        release.Set();

        stall.Message.Should().StartWith("Loop 'deadlock loop' has been running StallWatchdogTests.")
            .And.Contain("on thread 'deadlock loop' (native id ")
            .And.Contain("with 2 item(s) queued behind it")
            .And.Contain("deadlock")
            .And.Contain("Await the work instead");
        stall.Thread.QueuedCount.Should().Be(2);
        stall.ToString().Should().Be(stall.Message);
    }

    [Fact]
    public void A_handler_that_throws_stops_neither_the_other_handlers_nor_the_watchdog()
    {
        void Throwing(object? sender, WorkerStallEventArgs stall) => throw new InvalidOperationException("handler broke");
        WorkerDiagnostics.StallDetected += Throwing;
        try
        {
            using var stalls = new StallRecorder("hostile handler");
            using var loop = WorkerLoop.Start("hostile handler");
            loop.StallThreshold = Threshold;
            using var first = new ManualResetEventSlim();
            using var second = new ManualResetEventSlim();
            loop.Post(() => first.Wait(UnexpectedTimeout));
            loop.Post(() => second.Wait(UnexpectedTimeout));

            stalls.Next(UnexpectedTimeout);
            first.Set();
            stalls.Next(UnexpectedTimeout);
            second.Set();

            stalls.Stalls.Should().HaveCount(2, "the watchdog goes on after a handler threw");
        }
        finally
        {
            WorkerDiagnostics.StallDetected -= Throwing;
        }
    }

    [Fact]
    public void InfiniteTimeSpan_turns_the_watchdog_off_for_that_loop_or_pool()
    {
        using var loopStalls = new StallRecorder("unwatched loop");
        using var poolStalls = new StallRecorder("unwatched pool");
        using var loop = WorkerLoop.Start("unwatched loop");
        loop.StallThreshold = Timeout.InfiniteTimeSpan;
        using var pool = new WorkerPool("unwatched pool", 1) { StallThreshold = Timeout.InfiniteTimeSpan };
        using var watched = new StallRecorder("watched beside");
        using var beside = WorkerLoop.Start("watched beside");
        beside.StallThreshold = TimeSpan.FromMilliseconds(50);
        using var release = new ManualResetEventSlim();
        loop.Post(() => release.Wait(UnexpectedTimeout));
        pool.Start("unwatched job", () => release.Wait(UnexpectedTimeout));
        beside.Post(() => release.Wait(UnexpectedTimeout));

        watched.Next(UnexpectedTimeout);
        StaysClosed(release);
        release.Set();

        loopStalls.Stalls.Should().BeEmpty();
        poolStalls.Stalls.Should().BeEmpty();
    }

    [Fact]
    public void The_defaults_are_five_seconds_for_loops_and_ten_minutes_for_pools()
    {
        using var loop = WorkerLoop.Start("defaults");
        using var pool = new WorkerPool("defaults", 1);

        WorkerLoop.DefaultStallThreshold.Should().Be(TimeSpan.FromSeconds(5));
        WorkerPool.DefaultStallThreshold.Should().Be(TimeSpan.FromMinutes(10));
        loop.StallThreshold.Should().Be(WorkerLoop.DefaultStallThreshold);
        pool.StallThreshold.Should().Be(WorkerPool.DefaultStallThreshold);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_threshold_of_zero_or_less_is_rejected_naming_the_loop_or_pool(int milliseconds)
    {
        using var loop = WorkerLoop.Start("bad threshold");
        using var pool = new WorkerPool("bad threshold", 1);
        var threshold = TimeSpan.FromMilliseconds(milliseconds);

        loop.Invoking(l => l.StallThreshold = threshold).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*loop 'bad threshold'*");
        pool.Invoking(p => p.StallThreshold = threshold).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*pool 'bad threshold'*");
        loop.StallThreshold.Should().Be(WorkerLoop.DefaultStallThreshold);
    }

    [Fact]
    public async Task Lowering_a_threshold_while_an_item_runs_applies_from_the_next_sample()
    {
        using var stalls = new StallRecorder("lowered");
        using var loop = WorkerLoop.Start("lowered");
        using var release = new ManualResetEventSlim();
        using var entered = new ManualResetEventSlim();
        var item = loop.InvokeAsync(() =>
        {
            entered.Set();
            release.Wait(UnexpectedTimeout);
        });
        Wait(entered);

        loop.StallThreshold = Threshold;

        stalls.Next(UnexpectedTimeout).Stall.Thread.Name.Should().Be("lowered");
        release.Set();
        await Await(item);
        stalls.Stalls.Should().ContainSingle();
    }

    private static void Join(WorkerLoop loop)
    {
        loop.Complete();
        loop.Completion.Wait(UnexpectedTimeout).Should().BeTrue();
    }
}
