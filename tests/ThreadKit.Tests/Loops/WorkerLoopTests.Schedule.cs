using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ThreadKit.Tests.Loops;

// Timed work on the loop's thread: fixed rate without drift, fixed delay, never early, faults survived, and Complete.
// Most tests move a FakeTimeProvider by hand, so they assert exact times without waiting for them.
public sealed partial class WorkerLoopTests
{
    private static readonly TimeSpan Ten = TimeSpan.FromMilliseconds(10);

    [Fact]
    public void Runs_of_a_schedule_that_is_always_due_allocate_nothing_on_the_loops_thread()
    {
        using var loop = WorkerLoop.Start("allocation-free runs");
        using var measured = new ManualResetEventSlim();
        long atRun100 = 0, atRun1100 = 0;
        var runs = 0;
        using var work = loop.ScheduleAtFixedRate(TimeSpan.Zero, TimeSpan.FromTicks(1), () =>
        {
            switch (++runs)
            {
                case 100:
                    atRun100 = GC.GetAllocatedBytesForCurrentThread();
                    break;
                case 1100:
                    atRun1100 = GC.GetAllocatedBytesForCurrentThread();
                    measured.Set();
                    break;
            }
        });

        Wait(measured, "a thousand more runs should follow");
        work.Cancel();
        (atRun1100 - atRun100).Should().Be(0, "a synchronous run, and the pump's turn around it, allocate nothing");
    }

    [Fact]
    public void Scheduled_work_runs_on_the_loops_thread_one_item_at_a_time_together_with_posted_work()
    {
        using var loop = WorkerLoop.Start("scheduled and posted");
        var running = 0;
        var overlapped = false;
        var threads = new ConcurrentBag<string>();
        void Item()
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            threads.Add(NamedWorker.CurrentThreadName);
            Thread.SpinWait(1000);
            Interlocked.Decrement(ref running);
        }

        using var rate = loop.ScheduleAtFixedRate(TimeSpan.Zero, TimeSpan.FromMilliseconds(1), Item);
        using var delay = loop.ScheduleWithFixedDelay(TimeSpan.Zero, TimeSpan.FromMilliseconds(1), Item);
        for (var i = 0; i < 200; i++)
        {
            loop.Post(Item);
        }

        Until(() => rate.RunCount >= 20 && delay.RunCount >= 20, "both schedules should run many times");
        loop.Invoke(static () => { });

        overlapped.Should().BeFalse("the loop runs one item at a time");
        threads.Should().OnlyContain(name => name == "scheduled and posted");
    }

    [Fact]
    public void At_a_fixed_rate_run_n_starts_at_the_initial_delay_plus_n_periods_with_no_drift()
    {
        var clock = new FakeTimeProvider();
        using var loop = WorkerLoop.Start("fixed rate", new WorkerLoopOptions { TimeProvider = clock });
        var starts = new ConcurrentQueue<TimeSpan>();
        var origin = clock.GetTimestamp();
        using var work = loop.ScheduleAtFixedRate(TimeSpan.FromMilliseconds(5), Ten, () => starts.Enqueue(clock.GetElapsedTime(origin)));

        for (var n = 0; n < 1000; n++)
        {
            clock.Advance(n == 0 ? TimeSpan.FromMilliseconds(5) : Ten);
            Until(() => starts.Count == n + 1, $"run {n} should start when it is due");
        }

        starts.Should().Equal(Enumerable.Range(0, 1000).Select(n => TimeSpan.FromMilliseconds(5) + (n * Ten)));
    }

    [Fact]
    public void At_a_fixed_rate_an_overrun_makes_the_next_start_late_and_skips_the_slots_it_overran()
    {
        var clock = new FakeTimeProvider();
        using var loop = WorkerLoop.Start("overrun", new WorkerLoopOptions { TimeProvider = clock });
        var starts = new ConcurrentQueue<TimeSpan>();
        var origin = clock.GetTimestamp();
        using var work = loop.ScheduleAtFixedRate(Ten, Ten, () =>
        {
            starts.Enqueue(clock.GetElapsedTime(origin));
            if (starts.Count == 1)
            {
                clock.Advance(TimeSpan.FromMilliseconds(25));   // the first run overruns into the slots at 20 and 30 ms
            }
        });

        clock.Advance(Ten);
        Until(() => starts.Count == 1 && clock.GetElapsedTime(origin) == TimeSpan.FromMilliseconds(35), "the first run should start at 10 ms, and overrun");
        Never(() => work.RunCount > 1, "no run starts until the next free slot");
        clock.Advance(TimeSpan.FromMilliseconds(5));
        Until(() => starts.Count == 2, "the next run should start at the 40 ms slot");

        starts.Should().Equal(Ten, TimeSpan.FromMilliseconds(40));
    }

    [Fact]
    public void With_a_fixed_delay_the_next_run_starts_the_delay_after_the_previous_one_ended()
    {
        var clock = new FakeTimeProvider();
        using var loop = WorkerLoop.Start("fixed delay", new WorkerLoopOptions { TimeProvider = clock });
        var starts = new ConcurrentQueue<TimeSpan>();
        var origin = clock.GetTimestamp();
        using var work = loop.ScheduleWithFixedDelay(Ten, Ten, () =>
        {
            starts.Enqueue(clock.GetElapsedTime(origin));
            clock.Advance(TimeSpan.FromMilliseconds(3));   // each run takes 3 ms
        });

        clock.Advance(Ten);
        Until(() => starts.Count == 1 && clock.GetElapsedTime(origin) == TimeSpan.FromMilliseconds(13), "the first run starts at 10 ms and takes 3");

        // A posted item runs after the schedule's pass, so the first run has ended, at 13 ms, before the clock moves on.
        loop.Invoke(static () => { });
        clock.Advance(TimeSpan.FromMilliseconds(9));
        Never(() => work.RunCount > 1, "the delay counts from the end of the previous run");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Until(() => starts.Count == 2, "the second run starts 10 ms after the first ended, at 23 ms");

        starts.Should().Equal(Ten, TimeSpan.FromMilliseconds(23));
    }

    [Fact]
    public void No_run_ever_starts_before_it_is_due_on_the_real_clock()
    {
        using var loop = WorkerLoop.Start("never early");
        var period = TimeSpan.FromMilliseconds(2);
        var starts = new ConcurrentQueue<long>();
        var before = Stopwatch.GetTimestamp();
        using var work = loop.ScheduleAtFixedRate(period, period, () => starts.Enqueue(Stopwatch.GetTimestamp()));
        using var once = loop.Schedule(TimeSpan.FromMilliseconds(15), () => starts.Enqueue(-Stopwatch.GetTimestamp()));

        Until(() => work.RunCount >= 50 && once.RunCount == 1, "fifty runs should start");
        work.Cancel();

        var periodic = starts.Where(start => start > 0).Take(50).ToList();
        for (var n = 0; n < periodic.Count; n++)
        {
            Stopwatch.GetElapsedTime(before, periodic[n]).Should().BeGreaterThanOrEqualTo(period + (n * period), $"run {n} must not start early");
        }

        Stopwatch.GetElapsedTime(before, -starts.Single(start => start < 0)).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(15));
    }

    [Fact]
    public void A_run_that_throws_is_reported_like_a_faulting_Post_and_the_schedule_goes_on()
    {
        using var loop = WorkerLoop.Start("faulting schedule");
        var reported = new ConcurrentQueue<Exception>();
        void OnFault(object? sender, WorkerExceptionEventArgs e)
        {
            if (ReferenceEquals(e.Worker, loop.Worker))
            {
                reported.Enqueue(e.Exception);
            }
        }

        NamedWorker.UnhandledException += OnFault;
        try
        {
            using var work = loop.ScheduleAtFixedRate(TimeSpan.Zero, TimeSpan.FromMilliseconds(1), static () => throw new InvalidOperationException("tick broke"));
            Until(() => work.RunCount >= 3 && reported.Count >= 3, "the schedule goes on after each fault");
        }
        finally
        {
            NamedWorker.UnhandledException -= OnFault;
        }

        reported.Should().AllSatisfy(fault => fault.Message.Should().Be("tick broke"));
        loop.Worker.IsAlive.Should().BeTrue("a fault in scheduled work does not end the loop");
    }

    [Fact]
    public async Task Complete_cancels_periodic_work_but_one_shot_work_still_runs_at_its_time_before_Completion()
    {
        var clock = new FakeTimeProvider();
        var loop = WorkerLoop.Start("completing schedules", new WorkerLoopOptions { TimeProvider = clock });
        var rate = loop.ScheduleAtFixedRate(Ten, Ten, static () => { });
        var delay = loop.ScheduleWithFixedDelay(Ten, Ten, static () => { });
        var ran = false;
        var once = loop.Schedule(TimeSpan.FromMilliseconds(50), () => ran = true);

        loop.Complete();

        rate.IsCanceled.Should().BeTrue();
        delay.IsCanceled.Should().BeTrue();
        once.IsCanceled.Should().BeFalse();
        loop.Completion.IsCompleted.Should().BeFalse("accepted one-shot work has yet to run");
        clock.Advance(TimeSpan.FromMilliseconds(50));
        await Await(loop.Completion);
        ran.Should().BeTrue();
        rate.RunCount.Should().Be(0, "no periodic run starts after Complete returns");
        delay.RunCount.Should().Be(0);
        once.Cancel().Should().BeFalse("one-shot work that has run cannot be canceled");
    }

    [Fact]
    public void Scheduling_after_Complete_throws_naming_the_loop()
    {
        var loop = WorkerLoop.Start("closed to schedules");
        loop.Complete();

        loop.Invoking(l => l.Schedule(Ten, static () => { })).Should().Throw<InvalidOperationException>().WithMessage("Loop 'closed to schedules' has been completed*");
        loop.Invoking(l => l.ScheduleAtFixedRate(Ten, Ten, static () => { })).Should().Throw<InvalidOperationException>();
        loop.Invoking(l => l.ScheduleWithFixedDelay(Ten, Ten, static () => Task.CompletedTask)).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Bad_schedules_are_rejected_at_the_call()
    {
        using var loop = WorkerLoop.Start("bad schedules");
        var negative = TimeSpan.FromMilliseconds(-1);

        loop.Invoking(l => l.Schedule(negative, static () => { })).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("delay");
        loop.Invoking(l => l.ScheduleAtFixedRate(negative, Ten, static () => { })).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("initialDelay");
        loop.Invoking(l => l.ScheduleAtFixedRate(Ten, TimeSpan.Zero, static () => { })).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("period");
        loop.Invoking(l => l.ScheduleWithFixedDelay(Ten, negative, static () => { })).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("delay");
        loop.Invoking(l => l.Schedule(Ten, (Action)null!)).Should().Throw<ArgumentNullException>().WithParameterName("work");
        loop.Invoking(l => l.ScheduleAtFixedRate(Ten, Ten, (Func<Task>)null!)).Should().Throw<ArgumentNullException>().WithParameterName("work");
    }

    [Fact]
    public void Cancel_stops_every_later_run_and_says_whether_this_call_stopped_it()
    {
        var clock = new FakeTimeProvider();
        using var loop = WorkerLoop.Start("canceled schedules", new WorkerLoopOptions { TimeProvider = clock });
        var work = loop.ScheduleAtFixedRate(Ten, Ten, static () => { });
        clock.Advance(Ten);
        Until(() => work.RunCount == 1, "the first run should start");
        var disposed = loop.Schedule(Ten, static () => { });

        work.Cancel().Should().BeTrue();
        work.Cancel().Should().BeFalse("it was already canceled");
        disposed.Dispose();
        clock.Advance(TimeSpan.FromMilliseconds(100));
        loop.Invoke(static () => { });

        work.RunCount.Should().Be(1, "no run starts after Cancel returns");
        work.IsCanceled.Should().BeTrue();
        disposed.IsCanceled.Should().BeTrue();
        disposed.RunCount.Should().Be(0);
    }

    [Fact]
    public void Async_scheduled_work_resumes_on_the_loop_and_the_next_run_waits_for_its_task()
    {
        using var loop = WorkerLoop.Start("async schedule");
        var running = 0;
        var overlapped = false;
        var threads = new ConcurrentBag<string>();
        using var work = loop.ScheduleWithFixedDelay(TimeSpan.Zero, TimeSpan.FromMilliseconds(1), async () =>
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            await Task.Delay(2);
            threads.Add(NamedWorker.CurrentThreadName);
            Interlocked.Decrement(ref running);
        });

        Until(() => work.RunCount >= 5, "the async work should run again and again");

        overlapped.Should().BeFalse("a run ends when its task does, so runs never overlap");
        threads.Should().OnlyContain(name => name == "async schedule");
    }

    [Fact]
    public void PreciseTimers_start_runs_on_time_without_starting_them_early()
    {
        using var loop = WorkerLoop.Start("precise", new WorkerLoopOptions { PreciseTimers = true });
        var period = TimeSpan.FromMilliseconds(2);
        var starts = new ConcurrentQueue<long>();
        var before = Stopwatch.GetTimestamp();
        using var work = loop.ScheduleAtFixedRate(period, period, () => starts.Enqueue(Stopwatch.GetTimestamp()));

        Until(() => work.RunCount >= 20, "twenty runs should start");
        work.Cancel();

        var list = starts.Take(20).ToList();
        for (var n = 0; n < list.Count; n++)
        {
            Stopwatch.GetElapsedTime(before, list[n]).Should().BeGreaterThanOrEqualTo(period + (n * period));
        }
    }
}
