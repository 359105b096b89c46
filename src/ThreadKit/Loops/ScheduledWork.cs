using System;
using System.Threading;
using System.Threading.Tasks;

namespace ThreadKit;

/// <summary>
/// Work scheduled on a <see cref="WorkerLoop"/> by <see cref="WorkerLoop.Schedule(TimeSpan, Action)"/>,
/// <see cref="WorkerLoop.ScheduleAtFixedRate(TimeSpan, TimeSpan, Action)"/> or
/// <see cref="WorkerLoop.ScheduleWithFixedDelay(TimeSpan, TimeSpan, Action)"/>, like the <c>ScheduledFuture</c> of
/// Java's <c>ScheduledExecutorService</c>: it can be canceled, and counts its runs.
/// </summary>
public sealed class ScheduledWork : IDisposable
{
    private const int Waiting = 0;
    private const int Running = 1;
    private const int CancelRequested = 2;
    private const int Canceled = 3;
    private const int Done = 4;

    private readonly LoopTimers _timers;
    private readonly Delegate _work;
    private readonly Kind _kind;
    private readonly long _first;
    private readonly long _interval;
    private long _runIndex;
    private long _runCount;
    private int _state;

    internal ScheduledWork(LoopTimers timers, Delegate work, Kind kind, TimeSpan initialDelay, TimeSpan interval)
    {
        _timers = timers;
        _work = work;
        _kind = kind;
        _first = timers.Now + timers.ToTimestamp(initialDelay);
        _interval = timers.ToTimestamp(interval);
        Due = _first;
    }

    internal enum Kind
    {
        Once,
        FixedRate,
        FixedDelay,
    }

    /// <summary>
    /// Gets a value indicating whether the work was canceled, by <see cref="Cancel"/>, <see cref="Dispose"/> or, for
    /// periodic work, the loop's <see cref="WorkerLoop.Complete"/>.
    /// </summary>
    public bool IsCanceled => Volatile.Read(ref _state) is CancelRequested or Canceled;

    /// <summary>Gets how many runs have started.</summary>
    public long RunCount => Interlocked.Read(ref _runCount);

    internal bool IsPeriodic => _kind != Kind.Once;

    /// <summary>Gets when the next run is due, as a timestamp of the loop's clock.</summary>
    internal long Due { get; private set; }

    /// <summary>
    /// Cancels the work. No run starts after this returns; a run already under way finishes. Safe from any thread,
    /// the loop's own included, and any number of times.
    /// </summary>
    /// <returns>
    /// <see langword="true"/> if this call stopped it; <see langword="false"/> if it was already canceled, or was
    /// one-shot work that has already run.
    /// </returns>
    public bool Cancel()
    {
        while (true)
        {
            var state = Volatile.Read(ref _state);
            switch (state)
            {
                case Waiting when Interlocked.CompareExchange(ref _state, Canceled, Waiting) == Waiting:
                    _timers.Remove(this, wasWaiting: true);
                    return true;
                case Running when Interlocked.CompareExchange(ref _state, CancelRequested, Running) == Running:
                    // The run under way sees it when it ends, and ends the schedule.
                    return true;
                case CancelRequested or Canceled or Done:
                    return false;
            }
        }
    }

    /// <summary>Cancels the work, as <see cref="Cancel"/> does.</summary>
    public void Dispose() => Cancel();

    /// <summary>Under the timers' lock, on the loop's thread: claims the next run, unless the work was canceled.</summary>
    internal bool TryStartRun() => Interlocked.CompareExchange(ref _state, Running, Waiting) == Waiting;

    /// <summary>On the loop's thread: one run, reported like a posted item; its fault goes where a posted item's would.</summary>
    internal void Run(ThreadActivity? activity, Action<Exception> onFault)
    {
        Interlocked.Increment(ref _runCount);
        activity?.Begin(_work, null);
        Task? pending = null;
        try
        {
            if (_work is Action action)
            {
                action();
            }
            else
            {
                pending = ((Func<Task>)_work)() ?? throw new InvalidOperationException(
                    "Scheduled work returned a null Task. Return a task, such as Task.CompletedTask, or make the work async.");
            }
        }
        catch (Exception ex)
        {
            onFault(ex);
        }
        finally
        {
            activity?.End();
        }

        if (pending is null || pending.IsCompleted)
        {
            Observe(pending, onFault);
            _timers.RunEnded(this, _timers.Now);
            return;
        }

        EndWhenCompleted(pending, onFault);
    }

    /// <summary>
    /// Async work: the run ends when its task does, so the next one never overlaps it. A method of its own, so that
    /// the closure over <paramref name="onFault"/> is made only for async runs, not on every run.
    /// </summary>
    private void EndWhenCompleted(Task pending, Action<Exception> onFault) =>
        pending.ContinueWith(
            (task, state) =>
            {
                var self = (ScheduledWork)state!;
                Observe(task, onFault);
                self._timers.RunEnded(self, self._timers.Now);
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    /// <summary>
    /// Under the timers' lock, after a run that ended at <paramref name="end"/>: sets when the next run is due, and
    /// returns <see langword="false"/> when there is none (one-shot work, or work canceled while it ran).
    /// </summary>
    internal bool PrepareNextRun(long end)
    {
        if (_kind == Kind.Once)
        {
            Interlocked.CompareExchange(ref _state, Done, Running);
            Interlocked.CompareExchange(ref _state, Canceled, CancelRequested);
            return false;
        }

        if (Interlocked.CompareExchange(ref _state, Canceled, CancelRequested) == CancelRequested)
        {
            return false;
        }

        if (_kind == Kind.FixedDelay)
        {
            Due = end + _interval;
        }
        else
        {
            // Run n is due at first + n * period. Slots that passed during an overrun are skipped, not run in a burst.
            var slot = (long)Math.Ceiling((end - _first) / (double)_interval);
            _runIndex = Math.Max(_runIndex + 1, slot);
            Due = _first + (_runIndex * _interval);
        }

        if (Interlocked.CompareExchange(ref _state, Waiting, Running) != Running)
        {
            // Canceled between the check above and now.
            Volatile.Write(ref _state, Canceled);
            return false;
        }

        return true;
    }

    private static void Observe(Task? task, Action<Exception> onFault)
    {
        if (task is { IsFaulted: true })
        {
            foreach (var fault in task.Exception!.InnerExceptions)
            {
                onFault(fault);
            }
        }
    }
}
