using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace ThreadKit;

/// <summary>
/// Work scheduled on a <see cref="WorkerLoop"/> by <see cref="WorkerLoop.Schedule(TimeSpan, Action)"/>,
/// <see cref="WorkerLoop.ScheduleAtFixedRate(TimeSpan, TimeSpan, Action)"/> or
/// <see cref="WorkerLoop.ScheduleWithFixedDelay(TimeSpan, TimeSpan, Action)"/>, like the <c>ScheduledFuture</c> of
/// Java's <c>ScheduledExecutorService</c>: it can be canceled, counts its runs, tells when the next is due, and has a
/// task for its end.
/// </summary>
public sealed class ScheduledWork : IDisposable
{
    private const int Waiting = 0;
    private const int Running = 1;
    private const int CancelRequested = 2;
    private const int Canceled = 3;
    private const int Done = 4;

    private readonly LoopTimers _timers;
    private readonly Kind _kind;
    private readonly long _first;
    private readonly long _interval;
    private readonly TaskCompletionSource<bool> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _runIndex;
    private long _runCount;

    // Written only under the timers' lock; read without it by IsCanceled.
    private int _state;

    internal ScheduledWork(LoopTimers timers, Delegate work, Kind kind, long first, long interval)
    {
        _timers = timers;
        Work = work;
        _kind = kind;
        _first = first;
        _interval = interval;
        Due = first;
    }

    internal enum Kind
    {
        Once,
        FixedRate,
        FixedDelay,
    }

    /// <summary>
    /// Gets a value indicating whether the work was canceled, by <see cref="Cancel"/>, <see cref="Dispose"/> or the
    /// loop's <see cref="WorkerLoop.Complete"/> (periodic work always; one-shot work that has not started when the
    /// loop's <see cref="WorkerLoopOptions.CancelScheduledWorkOnComplete"/> is set).
    /// </summary>
    public bool IsCanceled => Volatile.Read(ref _state) is CancelRequested or Canceled;

    /// <summary>
    /// Gets how many runs have started. A run starts, and is counted, under the same lock that <see cref="Cancel"/>
    /// takes, so the count is final once <see cref="Cancel"/> has returned.
    /// </summary>
    public long RunCount => Interlocked.Read(ref _runCount);

    /// <summary>
    /// Gets when the next run is due, by the loop's <see cref="WorkerThreadOptions.TimeProvider"/>, as Java's
    /// <c>getDelay</c> tells it: <see langword="null"/> once nothing more is due (one-shot work that has run, canceled
    /// work, or work of a loop that completed). While a run is under way, it is the time that run was due, which has
    /// passed. A delay longer than the clock can count, such as <see cref="TimeSpan.MaxValue"/>, reads as the latest time
    /// it can (on the system clock, about 292 years after the machine started).
    /// </summary>
    public DateTimeOffset? NextRunAt => _timers.NextRunAt(this);

    /// <summary>
    /// Gets a task that completes when the schedule is over, as Java's <c>ScheduledFuture</c> does. One-shot work's
    /// completes when its run ends: successfully, faulted with the exception the work threw (which is still reported
    /// as a faulting <see cref="WorkerLoop.Post"/> is), or canceled, when the work was canceled first. Periodic work's
    /// completes canceled once it has been canceled and any run under way has ended, whether by <see cref="Cancel"/>
    /// or by the loop's <see cref="WorkerLoop.Complete"/>. It is the same task on every read, and its continuations
    /// never run on the loop's thread unless they ask to.
    /// </summary>
    public Task Completion => _completion.Task;

    internal Delegate Work { get; }

    internal bool IsPeriodic => _kind != Kind.Once;

    /// <summary>Gets when the next run is due, as a timestamp of the loop's clock. Read and written under the timers' lock.</summary>
    internal long Due { get; private set; }

    /// <summary>Gets a value indicating whether a run is still to come or under way. Under the timers' lock.</summary>
    internal bool IsLive => _state is Waiting or Running;

    /// <summary>Gets a value indicating whether the schedule waits for its next run. Under the timers' lock.</summary>
    internal bool IsWaiting => _state == Waiting;

    /// <summary>
    /// Cancels the work. No run starts after this returns, and <see cref="RunCount"/> no longer moves; a run already
    /// under way finishes, and then the schedule ends. Safe from any thread, the loop's own included, and any number
    /// of times.
    /// </summary>
    /// <returns>
    /// <see langword="true"/> if this call stopped it; <see langword="false"/> if it was already canceled, or was
    /// one-shot work that has already run.
    /// </returns>
    public bool Cancel() => _timers.Cancel(this);

    /// <summary>Cancels the work, as <see cref="Cancel"/> does.</summary>
    public void Dispose() => Cancel();

    /// <summary>Under the timers' lock: the decision to start a run, and its count.</summary>
    internal void StartRun()
    {
        AssertLocked();
        Debug.Assert(_state == Waiting, "Only a waiting schedule starts a run.");
        Volatile.Write(ref _state, Running);
        Interlocked.Increment(ref _runCount);
    }

    /// <summary>
    /// Under the timers' lock: cancels, unless the work is already over. <paramref name="wasWaiting"/> tells whether it
    /// was waiting, and so is over now; otherwise a run is under way and ends the schedule when it ends.
    /// </summary>
    internal bool TryCancel(out bool wasWaiting)
    {
        AssertLocked();
        wasWaiting = _state == Waiting;
        switch (_state)
        {
            case Waiting:
                Volatile.Write(ref _state, Canceled);
                return true;
            case Running:
                Volatile.Write(ref _state, CancelRequested);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Under the timers' lock, after a run that ended at <paramref name="end"/>: sets when the next run is due, and
    /// returns <see langword="false"/> when there is none (one-shot work, or work canceled while it ran). Due times
    /// saturate at <see cref="LoopTimers.Never"/>.
    /// </summary>
    internal bool TryScheduleNext(long end)
    {
        AssertLocked();
        if (_state == CancelRequested)
        {
            Volatile.Write(ref _state, Canceled);
            return false;
        }

        Debug.Assert(_state == Running, "Only a run under way ends.");
        if (_kind == Kind.Once)
        {
            Volatile.Write(ref _state, Done);
            return false;
        }

        if (_kind == Kind.FixedDelay)
        {
            Due = LoopTimers.AddSaturating(end, _interval);
        }
        else
        {
            // Run n is due at first + n * period. Slots that passed during an overrun are skipped, not run in a burst.
            var slot = (long)Math.Ceiling((end - _first) / (double)_interval);
            _runIndex = Math.Max(_runIndex + 1, slot);
            Due = _runIndex > (LoopTimers.Never - _first) / _interval ? LoopTimers.Never : _first + (_runIndex * _interval);
        }

        Volatile.Write(ref _state, Waiting);
        return true;
    }

    /// <summary>Outside the lock, once the schedule is over: completes <see cref="Completion"/> with how it ended.</summary>
    internal void Finish(IReadOnlyCollection<Exception>? faults, bool runCanceled = false)
    {
        if (Volatile.Read(ref _state) == Canceled || runCanceled)
        {
            _completion.TrySetCanceled();
        }
        else if (faults is { Count: > 0 })
        {
            _completion.TrySetException(faults);
        }
        else
        {
            _completion.TrySetResult(true);
        }
    }

    [Conditional("DEBUG")]
    private void AssertLocked() =>
        Debug.Assert(Monitor.IsEntered(_timers.Lock), "A schedule's state changes only under its loop's timers' lock.");
}
