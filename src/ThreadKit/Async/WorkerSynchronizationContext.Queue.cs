using System;
using System.Diagnostics;
using System.Threading;

namespace ThreadKit;

// The queue's side: taking work in, refusing it once closed, handing the leftovers on, and waking the pump.
internal sealed partial class WorkerSynchronizationContext
{
    /// <summary>
    /// Queues a new piece of work unless <see cref="Close"/> has been called, atomically with that check, so that work
    /// racing the close is either run here or refused, never sent elsewhere.
    /// </summary>
    public bool TryPostWork(SendOrPostCallback d, object? state) => TryEnqueue(new WorkItem(d, state), refuseWhenClosed: true);

    /// <summary>
    /// Queues <paramref name="work"/>, or refuses it once the context is closed or detached. When nothing else is
    /// queued it takes the hand-off slot, which costs the submitter and the pump no lock: the path of a caller that
    /// waits for each request before it sends the next.
    /// </summary>
    public bool TryPostWork(IPumpWork work)
    {
        if (Volatile.Read(ref _incomingCount) == 0
            && !Volatile.Read(ref _closed)
            && Interlocked.CompareExchange(ref _handoff, work, null) is null)
        {
            // The exchange is a full fence: either the pump sees the work before it blocks, or this sees it waiting.
            UnparkIf(Volatile.Read(ref _pumpWaiting));

            return true;
        }

        return TryEnqueue(new WorkItem(s_runPumpWork, work), refuseWhenClosed: true);
    }

    /// <summary>
    /// Refuses new work from <see cref="O:ThreadKit.WorkerSynchronizationContext.TryPostWork"/> and releases the loop's
    /// own operation, so the pump ends once what is queued, and what it started, has run. Callbacks that work already queued keep coming, through
    /// <see cref="Post"/>. Returns <see langword="false"/> if it was closed already.
    /// </summary>
    public bool Close()
    {
        lock (_lock)
        {
            if (_closed)
            {
                return false;
            }

            _closed = true;
        }

        OperationCompleted();
        return true;
    }

    /// <summary>Hands anything still queued to the thread pool and sends every later post there too.</summary>
    public void Detach()
    {
        WorkItem[] leftovers;
        int count;
        IPumpWork? handedOff;
        lock (_lock)
        {
            if (_detached)
            {
                return;
            }

            _detached = true;
            leftovers = _incoming;
            count = _incomingCount;
            _incomingCount = 0;
            handedOff = Interlocked.Exchange(ref _handoff, s_handoffClosed) as IPumpWork;
        }

        // The hand-off was submitted before anything in the queue.
        if (handedOff is not null)
        {
            new WorkItem(s_runPumpWork, handedOff).QueueOnThreadPool();
        }

        for (var i = 0; i < count; i++)
        {
            leftovers[i].QueueOnThreadPool();
        }
    }

    private bool TryEnqueue(WorkItem item, bool refuseWhenClosed = false)
    {
        bool waiting;
        lock (_lock)
        {
            if (_detached || (refuseWhenClosed && _closed))
            {
                return false;
            }

            // Work waiting in the hand-off was submitted first, so it goes into the queue ahead of this item.
            if (Volatile.Read(ref _handoff) is IPumpWork handedOff
                && ReferenceEquals(Interlocked.CompareExchange(ref _handoff, null, handedOff), handedOff))
            {
                Append(new WorkItem(s_runPumpWork, handedOff));
            }

            Append(item);
            waiting = _pumpWaiting;
        }

        UnparkIf(waiting);
        return true;
    }

    /// <summary>Under the lock: adds an item at the end of the queue.</summary>
    private void Append(WorkItem item)
    {
        AssertInvariants();
        if (_incomingCount == _incoming.Length)
        {
            Array.Resize(ref _incoming, _incoming.Length * 2);
        }

        _incoming[_incomingCount++] = item;
    }

    /// <summary>
    /// Under the lock, as Channels' <c>AssertInvariants</c>: the queue's count fits its array, nothing is queued once
    /// the context has detached, and the hand-off is closed exactly when the pump has detached (or is about to).
    /// </summary>
    [Conditional("DEBUG")]
    private void AssertInvariants()
    {
        Debug.Assert(Monitor.IsEntered(_lock), "The queue is changed only under its lock.");
        Debug.Assert(_incomingCount >= 0 && _incomingCount <= _incoming.Length, "The queue's count fits its array.");
        Debug.Assert(!_detached || _incomingCount == 0, "Nothing is queued to a context that has detached.");
        Debug.Assert(_detached || !ReferenceEquals(Volatile.Read(ref _handoff), s_handoffClosed) || Volatile.Read(ref _outstandingOperations) == 0,
            "The hand-off is closed only by a pump that is ending.");
    }

    /// <summary>
    /// Wakes the pump if it is waiting. The look is taken under the lock, so that it comes before or after the pump's
    /// whole decision to wait, which reads state (the outstanding operations) that is changed without the lock.
    /// </summary>
    private void Wake()
    {
        bool waiting;
        lock (_lock)
        {
            waiting = _pumpWaiting;
        }

        UnparkIf(waiting);
    }

    /// <summary>
    /// Outside the lock: a pump woken while the waker still held it would run straight into it and block again.
    /// </summary>
    private void UnparkIf(bool waiting)
    {
        if (waiting)
        {
            _parker.Unpark();
        }
    }

    /// <summary>
    /// Makes the pump look at its timers again: a schedule was added or canceled, or its clock says a run is due. A
    /// request made while the pump is between its timers and its wait is kept, so it is never lost.
    /// </summary>
    public void WakeForTimers()
    {
        bool waiting;
        lock (_lock)
        {
            _wakeRequested = true;
            waiting = _pumpWaiting;
        }

        UnparkIf(waiting);
    }
}
