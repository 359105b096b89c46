using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace ThreadKit;

/// <summary>
/// A loop's schedules, ordered by when each run is due, run by the loop's pump on its own thread between posted items.
/// On the system clock the pump blocks on its monitor until a millisecond before the next run is due, then sleeps the
/// rest to the absolute deadline (posted work waits for that last millisecond), or, with
/// <see cref="WorkerLoopOptions.PreciseTimers"/>, sleeps all but its last 100 µs and spins through those. A loop thread
/// that holds a schedule sets its timer slack to the minimum (Linux), so its sleeps end when due. No run starts early. On another
/// <see cref="TimeProvider"/> (a fake one, in tests) the provider's own timer wakes the pump.
/// </summary>
/// <remarks>
/// A tick goes one way: the pump asks <see cref="RunDue"/>, which claims the run, runs it, and sets the schedule's
/// next run or ends it. <see cref="ScheduledWork"/> only holds a schedule's state; every change to that state is made
/// under this class's lock, which <see cref="Cancel"/> takes too, so a cancel and the decision to start a run never
/// interleave. Due times saturate at <see cref="Never"/>, as Java clamps its delays, so any delay means "that long, or
/// effectively never", and nothing sleeps while holding the lock.
/// </remarks>
internal sealed partial class LoopTimers : PumpTimers
{
    /// <summary>The timestamp of a run that is effectively never due: any due time beyond it is clamped to it.</summary>
    public const long Never = long.MaxValue;

    // The longest due time Timer and FakeTimeProvider accept (0xfffffffe ms, about 49.7 days); a later run is waited
    // for in steps of at most this.
    private static readonly TimeSpan s_longestTimerStep = TimeSpan.FromMilliseconds(0xfffffffe);

    // With PreciseTimers, how long before a run the pump stops sleeping and spins: past the p99 of an absolute-deadline
    // sleep's lateness with minimal timer slack, measured here at 49 to 51 us on Linux.
    private const int PreciseSpinMicroseconds = 100;

    private static readonly TimerCallback s_wake = static context => ((WorkerSynchronizationContext)context!).WakeForTimers();

    private readonly object _lock = new();
    private readonly WorkerSynchronizationContext _context;
    private readonly Func<InvalidOperationException> _refusal;
    private readonly TimeProvider? _clock;
    private readonly bool _precise;
    private readonly bool _cancelOneShotsAtClose;
    private readonly long _frequency;
    private readonly long _spinWindow;
    private readonly long _preciseSpin;

    // Schedules waiting for their next run, earliest first. Loops hold few schedules, so a sorted list serves.
    private readonly List<ScheduledWork> _waiting = [];
    private readonly List<ScheduledWork> _periodic = [];
    private ITimer? _wakeTimer;
    private bool _closed;

    // On the pump's thread only: whether it has set its timer slack to the minimum, once it first held a schedule.
    private bool _minimalSlack;

    /// <param name="context">The pump's context: an operation is held open per live schedule, so the loop outlives them.</param>
    /// <param name="refusal">Makes the exception for a schedule added after the loop was completed or disposed.</param>
    /// <param name="options">The loop's clock, precision and shutdown policy.</param>
    public LoopTimers(WorkerSynchronizationContext context, Func<InvalidOperationException> refusal, WorkerLoopOptions options)
    {
        _context = context;
        _refusal = refusal;
        _clock = options.CustomClock;
        _precise = options.PreciseTimers && _clock is null;
        _cancelOneShotsAtClose = options.CancelScheduledWorkOnComplete;
        _frequency = _clock?.TimestampFrequency ?? Stopwatch.Frequency;
        _spinWindow = _frequency / 1000;
        _preciseSpin = _frequency * PreciseSpinMicroseconds / 1_000_000;
    }

    /// <summary>Gets the lock that guards every schedule's state, for <see cref="ScheduledWork"/>'s assertions.</summary>
    internal object Lock => _lock;

    /// <summary>Schedules <paramref name="work"/>; refused once the loop has been completed.</summary>
    public ScheduledWork Add(Delegate work, ScheduledWork.Kind kind, TimeSpan initialDelay, TimeSpan interval)
    {
        var scheduled = new ScheduledWork(this, work, kind, AddSaturating(Now, ToTimestamp(initialDelay)), Math.Max(1, ToTimestamp(interval)));
        lock (_lock)
        {
            if (_closed)
            {
                throw _refusal();
            }

            _context.OperationStarted();
            if (scheduled.IsPeriodic)
            {
                _periodic.Add(scheduled);
            }

            Insert(scheduled);
            AssertInvariants();
        }

        _context.WakeForTimers();
        return scheduled;
    }

    /// <summary>
    /// At Complete: refuses new schedules and cancels the periodic ones, and, when the loop's options say so, the
    /// one-shot schedules that have not started. Other one-shot schedules still run.
    /// </summary>
    public void Close()
    {
        List<ScheduledWork> canceled;
        lock (_lock)
        {
            _closed = true;
            canceled = [.. _periodic];
            if (_cancelOneShotsAtClose)
            {
                canceled.AddRange(_waiting.FindAll(static work => !work.IsPeriodic));
            }
        }

        foreach (var work in canceled)
        {
            Cancel(work);
        }
    }

    /// <summary>Cancels <paramref name="work"/>, as <see cref="ScheduledWork.Cancel"/> documents.</summary>
    public bool Cancel(ScheduledWork work)
    {
        lock (_lock)
        {
            if (!work.TryCancel(out var wasWaiting))
            {
                return false;
            }

            if (!wasWaiting)
            {
                // The run under way sees it when it ends, and ends the schedule.
                return true;
            }

            _waiting.Remove(work);
            _periodic.Remove(work);
            AssertInvariants();
        }

        work.Finish(null);
        _context.OperationCompleted();
        _context.WakeForTimers();
        return true;
    }

    /// <summary>Tells when the next run of <paramref name="work"/> is due, by the loop's clock, as <see cref="ScheduledWork.NextRunAt"/> documents.</summary>
    public DateTimeOffset? NextRunAt(ScheduledWork work)
    {
        long due;
        long now;
        lock (_lock)
        {
            if (!work.IsLive)
            {
                return null;
            }

            due = work.Due;
            now = Now;
        }

        var wallNow = (_clock ?? TimeProvider.System).GetUtcNow();
        var ahead = ToTimeSpan(due - now);
        return ahead >= DateTimeOffset.MaxValue - wallNow ? DateTimeOffset.MaxValue : wallNow + ahead;
    }

    /// <remarks>
    /// One pass: it runs what is due by the time it was called (and what it waits for within the last millisecond,
    /// when nothing is queued), then returns, so that posted work always gets its turn between passes, even under
    /// schedules with periods of a millisecond or less. Work due by the end of the pass returns a zero wait.
    /// </remarks>
    public override TimeSpan RunDue(ThreadActivity? activity, Action<Exception> onFault)
    {
        // Read on the first pass that finds a schedule, so that a loop with none pays no clock read per turn.
        long? passHorizon = null;
        while (true)
        {
            ScheduledWork? due = null;
            long nextDue;
            long horizon;
            long wait;
            lock (_lock)
            {
                if (_waiting.Count == 0)
                {
                    return Timeout.InfiniteTimeSpan;
                }

                var now = Now;
                horizon = passHorizon ??= AddSaturating(now, _spinWindow);
                var next = _waiting[0];
                nextDue = next.Due;
                wait = nextDue - now;
                if (wait <= 0 && nextDue <= horizon)
                {
                    // The decision to start, and the count, are taken under the lock that Cancel takes.
                    _waiting.RemoveAt(0);
                    next.StartRun();
                    due = next;
                    AssertInvariants();
                }
            }

            if (!_minimalSlack && _clock is null)
            {
                // A thread that keeps time sleeps with the least timer slack, so that its wake-ups come when due.
                _minimalSlack = true;
                ShortSleep.UseMinimalTimerSlack();
            }

            if (due is not null)
            {
                Run(due, activity, onFault);
                continue;
            }

            if (nextDue <= horizon && _clock is null && _context.QueuedCount == 0)
            {
                // The last millisecond, which the monitor's whole-millisecond waits cannot time: spun through with
                // precise timers, slept through with nanosleep otherwise, outside the lock, so that Cancel and new
                // schedules never wait for it. Posted work arriving now waits for it.
                if (_precise)
                {
                    // Sleep most of it, and spin only the stretch a wake-up may be late by; where sleeps count whole
                    // milliseconds, spin all of it.
                    if (ShortSleep.IsFine)
                    {
                        ShortSleep.Until(nextDue - _preciseSpin);
                    }

                    SpinUntil(nextDue);
                }
                else
                {
                    ShortSleep.Until(nextDue);
                }

                continue;
            }

            if (wait <= 0)
            {
                // Due by now, but after this pass's horizon: the next pass runs it, once posted work has had its turn.
                return TimeSpan.Zero;
            }

            if (_clock is null)
            {
                // Wake a millisecond early; the next pass times the rest.
                return ToTimeSpan(Math.Max(wait - _spinWindow, 1));
            }

            if (ArmWakeTimer(nextDue))
            {
                return Timeout.InfiniteTimeSpan;
            }
        }
    }

    private void Insert(ScheduledWork work)
    {
        var index = _waiting.Count;
        while (index > 0 && _waiting[index - 1].Due > work.Due)
        {
            index--;
        }

        _waiting.Insert(index, work);
    }

    /// <summary>Under the lock: the waiting list is sorted by due time and holds only schedules waiting to run.</summary>
    [Conditional("DEBUG")]
    private void AssertInvariants()
    {
        Debug.Assert(Monitor.IsEntered(_lock), "The timers' state is read and written under their lock.");
        for (var i = 0; i < _waiting.Count; i++)
        {
            Debug.Assert(_waiting[i].IsWaiting, "Only schedules waiting for a run are in the waiting list.");
            Debug.Assert(i == 0 || _waiting[i - 1].Due <= _waiting[i].Due, "The waiting list is sorted by due time.");
        }
    }
}
