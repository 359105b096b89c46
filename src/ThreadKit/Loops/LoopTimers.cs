using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace ThreadKit;

/// <summary>
/// A loop's schedules, ordered by when each run is due, run by the loop's pump on its own thread between posted items.
/// On the system clock the pump blocks on its monitor until a millisecond before the next run is due, then sleeps the
/// rest with <c>nanosleep</c> (posted work waits for that last millisecond), or, with
/// <see cref="WorkerLoopOptions.PreciseTimers"/>, spins through it. No run starts early. On another
/// <see cref="TimeProvider"/> (a fake one, in tests) the provider's own timer wakes the pump.
/// </summary>
internal sealed class LoopTimers : PumpTimers
{
    private readonly object _lock = new();
    private readonly WorkerLoop _loop;
    private readonly TimeProvider? _clock;
    private readonly bool _precise;
    private readonly long _frequency;
    private readonly long _spinWindow;

    // Schedules waiting for their next run, earliest first. Loops hold few schedules, so a sorted list serves.
    private readonly List<ScheduledWork> _waiting = [];
    private readonly List<ScheduledWork> _periodic = [];
    private ITimer? _wakeTimer;
    private bool _closed;

    public LoopTimers(WorkerLoop loop, TimeProvider? clock, bool precise)
    {
        _loop = loop;
        _clock = clock is null || ReferenceEquals(clock, TimeProvider.System) ? null : clock;
        _precise = precise && _clock is null;
        _frequency = _clock?.TimestampFrequency ?? Stopwatch.Frequency;
        _spinWindow = _frequency / 1000;
    }

    public long Now => _clock?.GetTimestamp() ?? Stopwatch.GetTimestamp();

    public long ToTimestamp(TimeSpan span) => (long)(span.Ticks * (double)_frequency / TimeSpan.TicksPerSecond);

    public TimeSpan ToTimeSpan(long timestamps) => TimeSpan.FromTicks((long)(timestamps * (double)TimeSpan.TicksPerSecond / _frequency));

    /// <summary>Adds a new schedule; refused once the loop has been completed.</summary>
    public void Add(ScheduledWork work)
    {
        lock (_lock)
        {
            if (_closed)
            {
                throw _loop.CompletedError();
            }

            _loop.Context.OperationStarted();
            if (work.IsPeriodic)
            {
                _periodic.Add(work);
            }

            Insert(work);
        }

        _loop.Context.WakeForTimers();
    }

    /// <summary>At Complete: refuses new schedules and cancels the periodic ones. One-shot schedules still run.</summary>
    public void Close()
    {
        ScheduledWork[] periodic;
        lock (_lock)
        {
            _closed = true;
            periodic = [.. _periodic];
        }

        foreach (var work in periodic)
        {
            work.Cancel();
        }
    }

    /// <summary>Under <see cref="ScheduledWork"/>'s decision: takes a canceled schedule out, and lets the loop end without it.</summary>
    public void Remove(ScheduledWork work, bool wasWaiting)
    {
        lock (_lock)
        {
            if (wasWaiting)
            {
                _waiting.Remove(work);
            }

            _periodic.Remove(work);
        }

        _loop.Context.OperationCompleted();
        _loop.Context.WakeForTimers();
    }

    /// <summary>A run has ended at <paramref name="end"/>: its schedule waits for its next run, or is done.</summary>
    public void RunEnded(ScheduledWork work, long end)
    {
        bool done;
        lock (_lock)
        {
            done = !work.PrepareNextRun(end);
            if (done)
            {
                _periodic.Remove(work);
            }
            else
            {
                Insert(work);
            }
        }

        if (done)
        {
            _loop.Context.OperationCompleted();
        }

        _loop.Context.WakeForTimers();
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
            long wait;
            long nextDue;
            lock (_lock)
            {
                if (_waiting.Count == 0)
                {
                    return Timeout.InfiniteTimeSpan;
                }

                var horizon = passHorizon ??= Now + _spinWindow;
                var next = _waiting[0];
                nextDue = next.Due;
                wait = nextDue - Now;
                if (nextDue > horizon)
                {
                    // Not this pass's work.
                }
                else if (wait > 0 && _clock is null && _loop.Context.QueuedCount == 0)
                {
                    // The last millisecond, which the monitor's whole-millisecond waits cannot time: spun through with
                    // precise timers, slept through with nanosleep otherwise. Posted work arriving now waits for it.
                    if (_precise)
                    {
                        SpinUntil(nextDue);
                    }
                    else
                    {
                        ShortSleep.Until(nextDue);
                    }

                    wait = 0;
                }

                if (wait <= 0 && nextDue <= horizon)
                {
                    _waiting.RemoveAt(0);
                    due = next.TryStartRun() ? next : null;
                    if (due is null)
                    {
                        continue;
                    }
                }
            }

            if (due is not null)
            {
                due.Run(activity, onFault);
                continue;
            }

            if (wait <= 0)
            {
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

    /// <summary>
    /// Has the provider's clock wake the pump when <paramref name="due"/> comes. Returns <see langword="false"/> when it
    /// came while the timer was being armed (a test moving a fake clock from another thread), so the caller runs it now.
    /// </summary>
    private bool ArmWakeTimer(long due)
    {
        lock (_lock)
        {
            _wakeTimer?.Dispose();
            var remaining = due - Now;
            if (remaining <= 0)
            {
                return false;
            }

            _wakeTimer = _clock!.CreateTimer(static context => ((WorkerSynchronizationContext)context!).WakeForTimers(), _loop.Context, ToTimeSpan(remaining), Timeout.InfiniteTimeSpan);
            return due > Now;
        }
    }

    private void SpinUntil(long due)
    {
        var spinner = default(SpinWait);
        while (Stopwatch.GetTimestamp() < due)
        {
#if NET
            spinner.SpinOnce(sleep1Threshold: -1);
#else
            spinner.SpinOnce();
#endif
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
}
