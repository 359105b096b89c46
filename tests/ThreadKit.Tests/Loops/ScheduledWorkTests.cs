using System;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ThreadKit.Tests.Loops;

/// <summary>
/// A schedule's own state: when its next run is due, the task for its end, how cancel and the start of a run exclude
/// each other, and delays of any length, on a loop that must keep serving whatever it was given.
/// </summary>
public sealed class ScheduledWorkTests : TestBase
{
    private static readonly TimeSpan Ten = TimeSpan.FromMilliseconds(10);

    public static TheoryData<string> HugeSchedules =>
    [
        "delay MaxValue", "delay 300 years", "fixed rate, initial delay MaxValue", "fixed rate, period MaxValue",
        "fixed delay, delay MaxValue", "fixed delay, initial delay MaxValue",
    ];

    [Theory]
    [MemberData(nameof(HugeSchedules))]
    public async Task A_huge_delay_or_period_means_never_and_leaves_the_loop_serving_cancelable_and_disposable(string schedule)
    {
        var loop = WorkerLoop.Start("huge " + schedule);
        var runs = 0;
        void Work() => Interlocked.Increment(ref runs);
        var max = TimeSpan.MaxValue;
        using var work = schedule switch
        {
            "delay MaxValue" => loop.Schedule(max, Work),
            "delay 300 years" => loop.Schedule(TimeSpan.FromDays(365 * 300), Work),
            "fixed rate, initial delay MaxValue" => loop.ScheduleAtFixedRate(max, Ten, Work),
            "fixed rate, period MaxValue" => loop.ScheduleAtFixedRate(TimeSpan.Zero, max, Work),
            "fixed delay, delay MaxValue" => loop.ScheduleWithFixedDelay(TimeSpan.Zero, max, Work),
            _ => loop.ScheduleWithFixedDelay(max, Ten, Work),
        };

        // A period of MaxValue runs once now; every other run is never due.
        var expectedRuns = schedule.Contains("period") || schedule == "fixed delay, delay MaxValue" ? 1 : 0;
        Until(() => Volatile.Read(ref runs) == expectedRuns && work.NextRunAt is not null, "the first run, if any, should come at once");
        (await Await(loop.InvokeAsync(static () => 42), TimeSpan.FromSeconds(2))).Should().Be(42, "the loop keeps serving");
        work.NextRunAt.Should().BeAfter(DateTimeOffset.UtcNow.AddYears(200), "a run that far out is effectively never");

        await Await(Task.Run(work.Cancel), TimeSpan.FromSeconds(2));
        work.IsCanceled.Should().BeTrue();
        work.NextRunAt.Should().BeNull();
        await Await(Task.Run(loop.Dispose), TimeSpan.FromSeconds(2));
        Volatile.Read(ref runs).Should().Be(expectedRuns);
    }

    [Fact]
    public async Task A_huge_delay_is_still_disposable_while_it_is_the_loops_only_schedule()
    {
        var loop = WorkerLoop.Start("huge then complete", new WorkerLoopOptions { CancelScheduledWorkOnComplete = true });
        var work = loop.Schedule(TimeSpan.MaxValue, static () => { });

        await Await(loop.DisposeAsync().AsTask(), TimeSpan.FromSeconds(2));
        work.IsCanceled.Should().BeTrue();
    }

    [Fact]
    public async Task On_a_fake_clock_a_schedule_of_60_days_waits_in_steps_the_clock_accepts_and_runs_at_its_time()
    {
        var clock = new FakeTimeProvider();
        using var loop = WorkerLoop.Start("sixty days", new WorkerLoopOptions { TimeProvider = clock });
        var origin = clock.GetUtcNow();
        using var once = loop.Schedule(TimeSpan.FromDays(60), static () => { });
        using var rate = loop.ScheduleAtFixedRate(TimeSpan.FromDays(60), TimeSpan.FromDays(400), static () => { });

        (await Await(loop.InvokeAsync(static () => 1))).Should().Be(1, "the loop serves on after arming its wake-up");
        loop.Worker.State.Should().Be(WorkerState.Running);
        once.NextRunAt.Should().Be(origin + TimeSpan.FromDays(60));

        clock.Advance(TimeSpan.FromDays(50));
        await Await(loop.InvokeAsync(static () => { }));
        once.RunCount.Should().Be(0, "it is not due after 50 days");
        clock.Advance(TimeSpan.FromDays(10));
        await Await(once.Completion);
        Until(() => rate.RunCount == 1, "the periodic schedule's first run is due at 60 days too");
        Until(() => rate.NextRunAt == origin + TimeSpan.FromDays(460), "the next run is a period later");
        loop.Worker.State.Should().Be(WorkerState.Running);
    }

    [Fact]
    public void NextRunAt_follows_the_schedule_on_the_loops_clock_and_is_null_once_nothing_is_due()
    {
        var clock = new FakeTimeProvider();
        using var loop = WorkerLoop.Start("next run", new WorkerLoopOptions { TimeProvider = clock });
        var origin = clock.GetUtcNow();
        var once = loop.Schedule(TimeSpan.FromMilliseconds(30), static () => { });
        using var rate = loop.ScheduleAtFixedRate(Ten, Ten, static () => { });
        using var delay = loop.ScheduleWithFixedDelay(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(7), static () => { });

        once.NextRunAt.Should().Be(origin + TimeSpan.FromMilliseconds(30));
        rate.NextRunAt.Should().Be(origin + Ten);
        delay.NextRunAt.Should().Be(origin + TimeSpan.FromMilliseconds(5));

        clock.Advance(Ten);
        Until(() => rate.RunCount == 1 && delay.RunCount == 1, "both periodic schedules run once by 10 ms");
        loop.Invoke(static () => { });
        rate.NextRunAt.Should().Be(origin + TimeSpan.FromMilliseconds(20));
        delay.NextRunAt.Should().Be(origin + TimeSpan.FromMilliseconds(17), "the delay counts from the end of the run, at 10 ms");

        clock.Advance(TimeSpan.FromMilliseconds(20));
        Until(() => once.RunCount == 1 && once.Completion.IsCompleted, "the one-shot runs at 30 ms");
        once.NextRunAt.Should().BeNull("a one-shot that ran has nothing more due");
        rate.Cancel();
        rate.NextRunAt.Should().BeNull("canceled work has nothing more due");
    }

    [Fact]
    public async Task A_one_shots_Completion_ends_with_its_run_faulted_by_its_exception_or_canceled_before_it()
    {
        var clock = new FakeTimeProvider();
        using var loop = WorkerLoop.Start("completions", new WorkerLoopOptions { TimeProvider = clock });
        var faults = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        void OnFault(object? sender, WorkerExceptionEventArgs e)
        {
            if (ReferenceEquals(e.Worker, loop.Worker))
            {
                faults.Enqueue(e.Exception);
            }
        }

        NamedWorker.UnhandledException += OnFault;
        using var unsubscribe = new Unsubscribe(() => NamedWorker.UnhandledException -= OnFault);
        var ok = loop.Schedule(Ten, static () => { });
        var failing = loop.Schedule(Ten, static () => throw new FormatException("bad tick"));
        var failingAsync = loop.Schedule(Ten, static async () =>
        {
            await Task.Yield();
            throw new TimeoutException("bad async tick");
        });
        var canceled = loop.Schedule(Ten, static () => { });

        canceled.Cancel();
        clock.Advance(Ten);

        await Await(ok.Completion);
        (await Awaiting(failing.Completion)).Should().BeOfType<FormatException>();
        (await Awaiting(failingAsync.Completion)).Should().BeOfType<TimeoutException>();
        canceled.Completion.IsCanceled.Should().BeTrue("work canceled before its run completes canceled");
        Until(() => faults.Count == 2, "each fault is still reported as a faulting Post is");
        ok.Completion.Should().BeSameAs(ok.Completion);
    }

    [Fact]
    public async Task A_periodic_schedules_Completion_ends_canceled_when_it_is_canceled_or_its_loop_completes()
    {
        var clock = new FakeTimeProvider();
        var loop = WorkerLoop.Start("periodic completions", new WorkerLoopOptions { TimeProvider = clock });
        var rate = loop.ScheduleAtFixedRate(Ten, Ten, static () => throw new FormatException("a bad tick keeps its schedule"));
        var delay = loop.ScheduleWithFixedDelay(Ten, Ten, static () => { });
        void Quiet(object? sender, WorkerExceptionEventArgs e)
        {
        }

        NamedWorker.UnhandledException += Quiet;
        using var unsubscribe = new Unsubscribe(() => NamedWorker.UnhandledException -= Quiet);

        clock.Advance(Ten);
        Until(() => rate.RunCount == 1 && delay.RunCount == 1, "both run once");
        rate.Completion.IsCompleted.Should().BeFalse("a run that throws keeps its schedule");
        rate.Cancel();
        await Awaiting(rate.Completion);
        rate.Completion.IsCanceled.Should().BeTrue();

        delay.Completion.IsCompleted.Should().BeFalse();
        loop.Complete();
        await Awaiting(delay.Completion);
        delay.Completion.IsCanceled.Should().BeTrue();
        await Await(loop.Completion);
    }

    [Fact]
    public async Task With_CancelScheduledWorkOnComplete_a_disposed_loop_cancels_its_pending_one_shots_instead_of_waiting_for_them()
    {
        var loop = WorkerLoop.Start("leave now", new WorkerLoopOptions { CancelScheduledWorkOnComplete = true });
        var later = loop.Schedule(TimeSpan.FromSeconds(10), static () => { });
        var posted = false;
        loop.Post(() => posted = true);

        await Await(Task.Run(loop.Dispose), TimeSpan.FromSeconds(2));

        later.IsCanceled.Should().BeTrue();
        later.RunCount.Should().Be(0);
        later.Completion.IsCanceled.Should().BeTrue();
        posted.Should().BeTrue("posted work still runs");
    }

    [Fact]
    public async Task By_default_Complete_leaves_pending_one_shots_to_run_at_their_time()
    {
        var loop = WorkerLoop.Start("wait for them");
        var later = loop.Schedule(TimeSpan.FromMilliseconds(100), static () => { });

        loop.Complete();

        later.IsCanceled.Should().BeFalse();
        await Await(loop.Completion);
        later.RunCount.Should().Be(1);
    }

    [Fact]
    public void Once_Cancel_returns_RunCount_no_longer_moves_and_every_counted_run_entered_its_body()
    {
        using var loop = WorkerLoop.Start("cancel race");
        for (var round = 0; round < 8000; round++)
        {
            var entered = 0;
            var work = loop.ScheduleAtFixedRate(TimeSpan.Zero, TimeSpan.FromTicks(1), () => Interlocked.Increment(ref entered));
            Thread.SpinWait(round % 50 * 20);
            work.Cancel();
            var atCancel = work.RunCount;
            loop.Invoke(static () => { });

            work.RunCount.Should().Be(atCancel, "no run starts once Cancel has returned (round {0})", round);
            Volatile.Read(ref entered).Should().Be((int)atCancel, "every run counted has run, and only those");
        }
    }

    private sealed class Unsubscribe(Action unsubscribe) : IDisposable
    {
        public void Dispose() => unsubscribe();
    }

    private static async Task<Exception> Awaiting(Task task)
    {
        try
        {
            await Await(task);
        }
        catch (Exception ex)
        {
            return ex;
        }

        return null!;
    }
}
