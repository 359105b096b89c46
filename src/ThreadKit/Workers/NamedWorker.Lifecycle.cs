using System;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace ThreadKit;

// Start, run and finish: the path a worker takes from Unstarted to its final state, and its rollback when the
// operating system cannot create the thread.
public abstract partial class NamedWorker
{
    /// <summary>
    /// Starts the worker's thread. When this method returns, <see cref="IsAlive"/> is <see langword="true"/> and
    /// <see cref="ManagedThreadId"/> is set, and the worker is listed by <see cref="GetActive"/> until its body ends.
    /// </summary>
    /// <exception cref="InvalidOperationException">The worker has already been started.</exception>
    /// <exception cref="ObjectDisposedException">The worker has been disposed.</exception>
    /// <exception cref="OutOfMemoryException">
    /// The operating system could not create the thread. The worker stays <see cref="WorkerState.Unstarted"/> and
    /// unregistered, so <see cref="Start"/> can be called again.
    /// </exception>
    public void Start()
    {
        var observed = Volatile.Read(ref _state);
        while (true)
        {
            if ((observed & FlagDisposed) != 0)
            {
                throw new ObjectDisposedException(
                    nameof(NamedWorker),
                    $"Worker '{_name}' has been disposed and cannot be started. Create a new worker instead.");
            }

            if ((observed & PhaseMask) != PhaseUnstarted)
            {
                throw new InvalidOperationException(
                    $"Worker '{_name}' has already been started; a worker runs only once. Create a new worker to run the body again.");
            }

            var previous = Interlocked.CompareExchange(ref _state, (observed & ~PhaseMask) | PhaseStarting, observed);
            if (previous == observed)
            {
                break;
            }

            observed = previous;
        }

        if ((observed & FlagPooled) != 0)
        {
            StartPooled();
            return;
        }

        StartThread((observed & FlagSuppressFlow) == 0);
    }

    internal void AttachToGroup(WorkerGroup group)
    {
        if ((Volatile.Read(ref _state) & PhaseMask) != PhaseUnstarted)
        {
            throw new InvalidOperationException(
                $"Worker '{_name}' has already been started; a group can adopt only unstarted workers.");
        }

        var extras = GetOrCreateExtras();
        if (extras.Group is not null && !ReferenceEquals(extras.Group, group))
        {
            throw new InvalidOperationException(
                $"Worker '{_name}' already belongs to another group; a worker can belong to one group only.");
        }

        extras.Group = group;
    }

    private void StartThread(bool flowExecutionContext)
    {
        if (!flowExecutionContext)
        {
            CaptureParentActivityForUnflowedStart();
        }

        var extras = _extras;
        Thread thread;
        int managedThreadId;
        try
        {
            thread = new Thread(s_runWorker, extras?.StackSize ?? 0);
            if (IsBackground)
            {
                thread.IsBackground = true;
            }

            if (extras is not null && extras.Priority != ThreadPriority.Normal)
            {
                thread.Priority = extras.Priority;
            }

            managedThreadId = thread.ManagedThreadId;
            if (extras is not null)
            {
                RegisterExternalStop(extras);
            }

            _thread = thread;
            Volatile.Write(ref _managedThreadId, managedThreadId);
            WorkerRegistry.Add(managedThreadId, this);
        }
        catch
        {
            RollBackStart(registered: false);
            throw;
        }

        try
        {
            if (flowExecutionContext)
            {
                thread.Start(this);
            }
            else
            {
                StartWithoutExecutionContext(thread);
            }
        }
        catch (OutOfMemoryException ex)
        {
            RollBackStart(registered: true);
            var stack = extras?.StackSize is > 0 ? extras.StackSize + " bytes" : "the platform default";
            throw new OutOfMemoryException(
                $"The operating system could not create a thread for worker '{_name}' (stack size: {stack}). Lower StackSize or the number of live threads, then call Start again.",
                ex);
        }
        catch
        {
            RollBackStart(registered: true);
            throw;
        }

        MarkRunning();
    }

    /// <summary>
    /// Moves the worker from starting to running, once its thread has really started: joins and <see cref="Dispose"/>
    /// wait while a worker is starting, and may call <see cref="Thread.Join()"/> only on a started thread. Both the
    /// starter, when <see cref="Thread.Start()"/> returns, and the new thread, before its body, call this; whichever
    /// comes second finds the phase already moved on, even to its final value, and leaves it.
    /// </summary>
    private void MarkRunning()
    {
        var observed = Volatile.Read(ref _state);
        while ((observed & PhaseMask) == PhaseStarting)
        {
            var previous = Interlocked.CompareExchange(ref _state, (observed & ~PhaseMask) | PhaseRunning, observed);
            if (previous == observed)
            {
                return;
            }

            observed = previous;
        }
    }

    /// <summary>
    /// Without the execution context, the worker's thread cannot see the starter's <see cref="Activity.Current"/>, so
    /// its trace parent is taken here, on the starting thread, for the worker's activity to continue.
    /// </summary>
    private void CaptureParentActivityForUnflowedStart()
    {
        var parent = WorkerTelemetry.CaptureParentForUnflowedStart();
        if (parent != default)
        {
            GetOrCreateExtras().ParentActivity = parent;
        }
    }

    private void StartWithoutExecutionContext(Thread thread)
    {
#if NET
        thread.UnsafeStart(this);
#else
        if (ExecutionContext.IsFlowSuppressed())
        {
            thread.Start(this);
            return;
        }

        using (ExecutionContext.SuppressFlow())
        {
            thread.Start(this);
        }
#endif
    }

    private void RollBackStart(bool registered)
    {
        if (registered)
        {
            WorkerRegistry.Remove(_managedThreadId);
        }

        _extras?.ExternalStopRegistration.Dispose();
        _thread = null;
        Volatile.Write(ref _managedThreadId, 0);
        SetPhase(PhaseUnstarted);
    }

    private void Run()
    {
        MarkRunning();
        Volatile.Write(ref _nativeThreadId, NativeThread.GetCurrentThreadId());

        // Naming from the new thread itself is one prctl on Linux, where a name set before Start costs the starting
        // thread an open/write/close of /proc/self/task/<tid>/comm. It goes through _thread, not Thread.CurrentThread,
        // and the worker keeps no [ThreadStatic] of its own (Current is looked up in the registry), because the first
        // thread-static access on a new thread allocates that thread's static storage: 136 bytes per worker.
        _thread!.Name = _name;
        RunBody();
    }

    /// <summary>Runs the body on the calling thread, which is the worker's own or, for a pooled job, a pool thread.</summary>
    private void RunBody()
    {
        var telemetry = WorkerTelemetry.RunStarting(this);
        int phase;
        try
        {
            Execute();
            phase = PhaseCompleted;
        }
        catch (Exception ex)
        {
            phase = IsOwnStop(ex) ? PhaseCanceled : PhaseFaulted;
            Volatile.Write(ref _outcomeException, ExceptionDispatchInfo.Capture(ex));
            if (phase == PhaseFaulted)
            {
                ReportFault(ex);
            }
        }

        Finish(phase, telemetry);
    }

    private void Finish(int phase, WorkerTelemetry.RunScope telemetry)
    {
        var extras = _extras;
        extras?.ExternalStopRegistration.Dispose();
        WorkerRegistry.Remove(_managedThreadId);
        SetPhase(phase);
        telemetry.Complete(this, ToWorkerState(phase), Exception);
        extras?.Group?.OnWorkerFinished(this, ToWorkerState(phase));

        var joinSource = Interlocked.Exchange(ref _joinSource, s_finishedSentinel);
        if (joinSource is not null)
        {
            CompleteJoinSource(joinSource);
        }
    }
}
