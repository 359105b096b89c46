using System;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace ThreadKit;

// The pump: runs what is posted, on the worker's thread, until the body's task and every operation are done, and
// decides what ends the worker when callbacks fault.
internal sealed partial class WorkerSynchronizationContext
{
    // Bounded in time, like an idle pool thread's watch: a request that follows the last one's answer within it, as a
    // caller's next request does, finds the pump awake. A window counted in SpinWait iterations (about 6 us) let one
    // round trip in a hundred pay a kernel wake-up.
    private const int SpinMicrosecondsBeforeBlocking = 20;

    /// <summary>
    /// Pumps until <paramref name="task"/> has completed and no operation is outstanding, then returns its value or
    /// rethrows what ended it.
    /// </summary>
    public TResult Run<TResult>(Task<TResult>? task)
    {
        Run((Task?)task);
        return task!.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Pumps until <paramref name="task"/> has completed and no operation is outstanding, then rethrows what ended the
    /// task, or else the first callback fault. A <see langword="null"/> task ends the worker with an explanation.
    /// </summary>
    public void Run(Task? task)
    {
        if (task is null)
        {
            throw new InvalidOperationException(
                $"The body of worker '{_worker.Name}' returned a null Task. Return a task, such as Task.CompletedTask, or make the body async.");
        }

        // The body has returned its task to the pump.
        _bodyActivity?.End();
        if (!task.IsCompleted)
        {
            OperationStarted();
            task.ContinueWith(s_wakeOnCompletion, this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        PumpUntilIdle(_bodyActivity);

        // The body's own exception wins, and callback faults are reported beside it. A callback fault beats a
        // cancellation, which the stop that the fault requested may itself have caused.
        if (task.IsFaulted || (task.IsCanceled && _firstCallbackFault is null))
        {
            ReportLaterFaults(includeFirst: true);
            task.GetAwaiter().GetResult();
        }

        ThrowCallbackFaults();
    }

    /// <summary>
    /// Pumps until no operation is outstanding and nothing is queued; for <c>async void</c> bodies and, with the loop
    /// thread's <paramref name="activity"/>, which each item is reported to, for loops.
    /// </summary>
    public void RunUntilIdle(ThreadActivity? activity = null)
    {
        _bodyActivity?.End();
        PumpUntilIdle(activity ?? _bodyActivity);
        ThrowCallbackFaults();
    }

    private void PumpUntilIdle(ThreadActivity? activity = null)
    {
        while (true)
        {
            var timersWait = _timers?.RunDue(activity, _recordCallbackFault) ?? Timeout.InfiniteTimeSpan;
            SpinBrieflyForWork();

            // Whatever is in the hand-off was submitted after everything already queued: a submitter that queues moves
            // the hand-off into the queue first, so the hand-off holds the newest work. It runs once the queue is empty.
            if (Volatile.Read(ref _handoff) is IPumpWork && RunHandedOffIfNext(activity))
            {
                continue;
            }

            var count = 0;
            var park = false;
            lock (_lock)
            {
                if (_incomingCount == 0)
                {
                    if (Volatile.Read(ref _outstandingOperations) == 0)
                    {
                        // Detached under the lock, with the hand-off closed, so nothing can be queued between this
                        // check and the end of the pump.
                        if (Interlocked.CompareExchange(ref _handoff, s_handoffClosed, null) is not null)
                        {
                            continue;
                        }

                        _detached = true;
                        return;
                    }

                    if (_wakeRequested)
                    {
                        // Asked to look at the timers again.
                        _wakeRequested = false;
                        continue;
                    }

                    // A full fence between announcing the wait and the last look at the hand-off, which a submitter
                    // fills without the lock: either it sees the pump waiting, or the pump sees its work. Wakers that
                    // take the lock see the announcement before or after this whole decision.
                    Volatile.Write(ref _pumpWaiting, true);
                    Interlocked.MemoryBarrier();
                    if (Volatile.Read(ref _handoff) is not null)
                    {
                        _pumpWaiting = false;
                        continue;
                    }

                    park = true;
                }
                else
                {
                    (_incoming, _draining) = (_draining, _incoming);
                    count = _incomingCount;
                    _incomingCount = 0;
                    Volatile.Write(ref _drainingPending, count);
                }
            }

            if (park)
            {
                // Blocks outside the lock, so that wakers never wait for the pump, nor the woken pump for them. A
                // waker that saw the announcement just before it was withdrawn leaves a wake-up behind, which only
                // makes the next wait look at everything once more.
                _parker.Park(timersWait);
                Volatile.Write(ref _pumpWaiting, false);
                continue;
            }

            for (var i = 0; i < count; i++)
            {
                Volatile.Write(ref _drainingPending, count - i - 1);
                RunDrained(i, activity);
            }
        }
    }

    /// <summary>
    /// Watches an async body's thread as a loop's is watched, for the one stall it can have: work queued to this
    /// context that has waited past the loops' default threshold while the body, or a callback, has not come back to
    /// the pump. It is what a body that blocks on its own thread looks like (<c>.Result</c> on a task whose
    /// continuation is queued here, behind the wait), and a stall no one would otherwise be told of.
    /// </summary>
    private void WatchBody(Delegate body)
    {
        var owner = new ThreadOwner(_worker.Name, WorkerThreadKind.Worker, WorkerLoop.DefaultStallThreshold, () => QueuedCount, _worker.Group?.Name);
        var activity = new ThreadActivity(owner);
        activity.OnThreadStarted();
        activity.Begin(body, null);
        ThreadWatch.Add(activity, _thread!);
        _bodyActivity = activity;
    }

    /// <summary>
    /// Takes one drained item out of its slot and runs it. A method of its own, because the pump's loop runs for the
    /// thread's whole life, unoptimised, and a local there would keep the last item (a loop's last work, its task and
    /// its result) reachable while the thread sits idle.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RunDrained(int index, ThreadActivity? activity)
    {
        var item = _draining[index];
        _draining[index] = default;
        Run(item, activity);
    }

    private void Run(WorkItem item, ThreadActivity? activity)
    {
        activity?.Begin(item.Callback, item.State);
        try
        {
            item.Invoke();
        }
        catch (Exception ex)
        {
            RecordCallbackFault(ex);
        }
        finally
        {
            activity?.End();
        }
    }

    /// <summary>
    /// Takes the hand-off's work and runs it, when nothing is queued ahead of it. The check and the take are one step
    /// under the lock, which every enqueue holds: work queued between a submitter's look at the queue and its claim of
    /// the hand-off was submitted before the hand-off's, and must run first. Returns whether it ran anything.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool RunHandedOffIfNext(ThreadActivity? activity)
    {
        IPumpWork? work;
        lock (_lock)
        {
            if (_incomingCount != 0
                || Volatile.Read(ref _handoff) is not IPumpWork handedOff
                || !ReferenceEquals(Interlocked.CompareExchange(ref _handoff, null, handedOff), handedOff))
            {
                return false;
            }

            work = handedOff;
        }

        Run(new WorkItem(s_runPumpWork, work), activity);
        return true;
    }

    /// <summary>
    /// Before blocking, watches the queue for up to <see cref="SpinMicrosecondsBeforeBlocking"/>, as
    /// <c>SemaphoreSlim</c> and <c>BlockingCollection</c> do and as an idle pool thread does: work that arrives in that
    /// window, such as the next request to a loop, then costs no kernel wake-up. It gives up at once when there is
    /// nothing left to wait for, and after the window the pump blocks as before, so an idle thread burns no CPU.
    /// </summary>
    private void SpinBrieflyForWork() =>
        Waits.SpinIfWorthIt(ref _spinHistory, this, static context => context.HasWorkOrNothingToWaitFor, SpinMicrosecondsBeforeBlocking);

    private bool HasWorkOrNothingToWaitFor =>
        Volatile.Read(ref _incomingCount) != 0
        || Volatile.Read(ref _handoff) is not null
        || Volatile.Read(ref _wakeRequested)
        || Volatile.Read(ref _outstandingOperations) == 0;

    /// <summary>
    /// A callback that throws has no caller to throw to; this is how <c>async void</c> faults arrive. The first one
    /// faults the worker, and asks it to stop so that a token-aware body can end; later ones are reported too, so
    /// none is lost.
    /// </summary>
    private void RecordCallbackFault(Exception exception)
    {
        if (!_callbackFaultsFaultTheWorker)
        {
            // A loop serves many submitters: a fault with no task to go to is reported, and the loop serves on.
            _worker.ReportFault(exception);
            return;
        }

        if (_firstCallbackFault is null)
        {
            _firstCallbackFault = ExceptionDispatchInfo.Capture(exception);
            try
            {
                _worker.RequestStop();
            }
            catch (AggregateException)
            {
                // A stop callback threw; the fault that asked for the stop is the one the worker reports.
            }

            return;
        }

        (_laterCallbackFaults ??= []).Add(exception);
    }

    private void ThrowCallbackFaults()
    {
        ReportLaterFaults(includeFirst: false);
        _firstCallbackFault?.Throw();
    }

    private void ReportLaterFaults(bool includeFirst)
    {
        if (includeFirst && _firstCallbackFault is { } first)
        {
            _worker.ReportFault(first.SourceException);
        }

        foreach (var fault in _laterCallbackFaults ?? [])
        {
            _worker.ReportFault(fault);
        }
    }
}
