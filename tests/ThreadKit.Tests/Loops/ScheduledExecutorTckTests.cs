using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Loops;

/// <summary>
/// The JSR-166 TCK's <c>ScheduledExecutorTest</c> (Java's own suite for <c>ScheduledThreadPoolExecutor</c>), one test
/// for each of its cases that maps onto a loop, named after it. A loop is a scheduled executor of one thread whose
/// <c>shutdown</c> is <see cref="WorkerLoop.Complete"/>. Left out: the pool-size, queue, purge, <c>shutdownNow</c> and
/// <c>invokeAll</c>/<c>invokeAny</c> cases, which have no counterpart on a loop; and where ThreadKit differs on purpose
/// (a periodic run that throws keeps its schedule; a negative delay is refused), docs/design.md says why.
/// </summary>
public sealed class ScheduledExecutorTckTests : TestBase
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task testSchedule1_and_3_delayed_work_runs_once_after_its_delay_and_completes()
    {
        using var loop = WorkerLoop.Start("tck schedule");
        var started = Stopwatch.StartNew();
        TimeSpan ranAt = default;
        var work = loop.Schedule(Short, () => ranAt = started.Elapsed);

        await Await(work.Completion);

        ranAt.Should().BeGreaterThanOrEqualTo(Short);
        work.RunCount.Should().Be(1);
        work.Completion.IsCompletedSuccessfully.Should().BeTrue();
    }

    [Fact]
    public void testSchedule4_and_5_periodic_work_first_runs_after_its_initial_delay()
    {
        using var loop = WorkerLoop.Start("tck periodic");
        var started = Stopwatch.StartNew();
        using var rateDone = new ManualResetEventSlim();
        using var delayDone = new ManualResetEventSlim();
        TimeSpan rateAt = default, delayAt = default;
        using var rate = loop.ScheduleAtFixedRate(Short, TimeSpan.FromMinutes(1), () => { rateAt = started.Elapsed; rateDone.Set(); });
        using var delay = loop.ScheduleWithFixedDelay(Short, TimeSpan.FromMinutes(1), () => { delayAt = started.Elapsed; delayDone.Set(); });

        Wait(rateDone);
        Wait(delayDone);
        rateAt.Should().BeGreaterThanOrEqualTo(Short);
        delayAt.Should().BeGreaterThanOrEqualTo(Short);
    }

    [Fact]
    public void testFixedRateSequence_runs_at_the_given_rate()
    {
        // As the TCK does: eventually, cycles - 1 <= elapsed / period < cycles, retrying with a longer period on a
        // machine too slow for a short one.
        using var loop = WorkerLoop.Start("tck rate sequence");
        for (var period = 1; period <= 1000; period *= 3)
        {
            const int Cycles = 8;
            var started = Stopwatch.StartNew();
            using var done = new CountdownEvent(Cycles);
            using var work = loop.ScheduleAtFixedRate(TimeSpan.Zero, TimeSpan.FromMilliseconds(period), () =>
            {
                if (!done.IsSet)
                {
                    done.Signal();
                }
            });
            done.Wait(UnexpectedTimeout).Should().BeTrue();
            work.Cancel();
            var elapsed = started.Elapsed.TotalMilliseconds;
            elapsed.Should().BeGreaterThanOrEqualTo((Cycles - 1) * period);
            if (elapsed <= Cycles * period)
            {
                return;
            }
        }

        Assert.Fail("The schedule never kept its rate, even with a period of 729 ms.");
    }

    [Fact]
    public void testFixedDelaySequence_starts_each_run_at_least_the_delay_after_the_previous_one_ended()
    {
        using var loop = WorkerLoop.Start("tck delay sequence");
        for (var delay = 1; delay <= 1000; delay *= 3)
        {
            const int Cycles = 8;
            var previousEnd = Stopwatch.GetTimestamp();
            var tooShort = false;
            var tryLonger = false;
            var runs = 0;
            using var done = new CountdownEvent(Cycles);
            var d = delay;
            using var work = loop.ScheduleWithFixedDelay(TimeSpan.Zero, TimeSpan.FromMilliseconds(delay), () =>
            {
                var sinceEnd = Stopwatch.GetElapsedTime(previousEnd).TotalMilliseconds;
                if (runs++ > 0)
                {
                    tooShort |= sinceEnd < d;
                    tryLonger |= sinceEnd >= 2 * d;
                }

                if (!done.IsSet)
                {
                    done.Signal();
                }

                previousEnd = Stopwatch.GetTimestamp();
            });
            done.Wait(UnexpectedTimeout).Should().BeTrue();
            work.Cancel();
            tooShort.Should().BeFalse("no run starts less than the delay after the previous one ended");
            if (!tryLonger)
            {
                return;
            }
        }

        Assert.Fail("The schedule never kept its delay, even with 729 ms.");
    }

    [Fact]
    public void testScheduleNull_throws_at_the_call()
    {
        using var loop = WorkerLoop.Start("tck null");

        loop.Invoking(l => l.Schedule(Short, (Action)null!)).Should().Throw<ArgumentNullException>();
        loop.Invoking(l => l.ScheduleAtFixedRate(Short, Short, (Action)null!)).Should().Throw<ArgumentNullException>();
        loop.Invoking(l => l.ScheduleWithFixedDelay(Short, Short, (Func<Task>)null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void testSchedule_RejectedExecutionException_every_schedule_is_refused_after_shutdown()
    {
        var loop = WorkerLoop.Start("tck rejected");
        loop.Complete();

        loop.Invoking(l => l.Schedule(Short, static () => { })).Should().Throw<InvalidOperationException>();
        loop.Invoking(l => l.Schedule(Short, static () => Task.CompletedTask)).Should().Throw<InvalidOperationException>();
        loop.Invoking(l => l.ScheduleAtFixedRate(Short, Short, static () => { })).Should().Throw<InvalidOperationException>();
        loop.Invoking(l => l.ScheduleWithFixedDelay(Short, Short, static () => { })).Should().Throw<InvalidOperationException>();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task testShutdown_cancellation_periodic_work_is_canceled_at_shutdown_and_delayed_work_by_policy(bool cancelDelayed)
    {
        var loop = WorkerLoop.Start("tck shutdown policy", new WorkerLoopOptions { CancelScheduledWorkOnComplete = cancelDelayed });
        using var blocked = new ManualResetEventSlim();
        using var unblock = new ManualResetEventSlim();
        var ran = 0;
        loop.Post(() =>
        {
            blocked.Set();
            unblock.Wait(UnexpectedTimeout);
            ran++;
        });
        Wait(blocked);
        var rate = loop.ScheduleAtFixedRate(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1), static () => { });
        var delay = loop.ScheduleWithFixedDelay(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1), static () => { });
        var delayed = loop.Schedule(TimeSpan.FromMilliseconds(1), () => ran++);

        loop.Complete();

        rate.IsCanceled.Should().BeTrue();
        delay.IsCanceled.Should().BeTrue();
        delayed.IsCanceled.Should().Be(cancelDelayed);
        delayed.Completion.IsCompleted.Should().Be(cancelDelayed);
        loop.Completion.IsCompleted.Should().BeFalse("the loop is shut down, not terminated");
        unblock.Set();
        if (!cancelDelayed)
        {
            await Await(delayed.Completion);
        }

        await Await(loop.Completion);
        ran.Should().Be(cancelDelayed ? 1 : 2);
    }

    [Fact]
    public void testScheduleWithFixedDelay_overflow_a_period_of_MaxValue_does_not_stop_other_work()
    {
        // JDK-8051859: after its first run, a fixed-delay schedule with an overflowing delay must not wedge the executor.
        using var loop = WorkerLoop.Start("tck overflow");
        using var immediateDone = new ManualResetEventSlim();
        using var delayedDone = new ManualResetEventSlim();
        using var work = loop.ScheduleWithFixedDelay(TimeSpan.Zero, TimeSpan.MaxValue, () =>
        {
            delayedDone.Set();
            loop.Post(immediateDone.Set);
        });

        Wait(delayedDone);
        Wait(immediateDone);
    }
}
