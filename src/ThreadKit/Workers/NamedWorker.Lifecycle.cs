using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace ThreadKit;

// Start, run and finish: the path a worker takes from Unstarted to its final state, and its rollback when its runner
// cannot start it. Where the body runs is the runner's choice; the worker only hands itself over and is called back.
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
    public void Start() => StartOn(ThreadRunner.Instance);

    /// <summary>
    /// Starts the worker on <paramref name="runner"/>. If the runner refuses, the worker is rolled back to
    /// <see cref="WorkerState.Unstarted"/> and the runner's exception propagates.
    /// </summary>
    internal void StartOn(WorkerRunner runner)
    {
        UpdateState(this, static (state, worker) => worker.StartingFrom(state));
        _runner = runner;
        if (_extras is { } extras)
        {
            RegisterExternalStop(extras);
        }

        try
        {
            OnStarting();
            runner.Start(this);
        }
        catch
        {
            RollBackStart();
            throw;
        }

        MarkRunning();
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

    /// <summary>
    /// Called by the runner, before the body runs, with the thread it will run on: from then on the worker has that
    /// thread's ids and is listed by <see cref="GetActive"/>. A fresh thread is bound before it starts, so that
    /// <see cref="Start"/> returns with the ids set; a pool thread when it picks the job up.
    /// </summary>
    internal void BindThread(Thread thread, int managedThreadId)
    {
        if (Volatile.Read(ref _managedThreadId) is var queuedKey and < 0)
        {
            WorkerRegistry.Remove(queuedKey);
        }

        Volatile.Write(ref _managedThreadId, managedThreadId);
        WorkerRegistry.Add(managedThreadId, this);
        Volatile.Write(ref _thread, thread);
    }

    /// <summary>
    /// Called by a runner that queues the worker until a thread takes it (a pool's), before it queues it: the worker
    /// is listed by <see cref="GetActive"/> and counted by <see cref="ActiveCount"/> from <see cref="Start"/>, as its
    /// <see cref="IsAlive"/> says, under a negative key that no thread has, until <see cref="BindThread"/>.
    /// </summary>
    internal void ListAsQueued()
    {
        var key = (Interlocked.Increment(ref s_queuedKeyCounter) & int.MaxValue) | int.MinValue;
        Volatile.Write(ref _managedThreadId, key);
        WorkerRegistry.Add(key, this);
    }

    /// <summary>
    /// Called by the runner on the bound thread, before <see cref="Run"/>, with the thread's native id. A pool thread
    /// gives the id it read once when it began: <c>gettid</c> is a system call, which on a virtual machine costs about
    /// as much as the rest of a pooled job's hand-off.
    /// </summary>
    internal void ReportNativeThreadId(long nativeThreadId) => Volatile.Write(ref _nativeThreadId, nativeThreadId);

    /// <summary>
    /// Called by the runner on the bound thread, once the thread carries the worker's name and has reported its
    /// native id (<see cref="ReportNativeThreadId"/>): runs the body there and
    /// records how it ended. Exceptions never escape it. <paramref name="prepareThread"/>, when given, tunes the thread
    /// first; if it throws, that is the worker's fault and the body does not run.
    /// </summary>
    internal void Run(Action<NamedWorker>? prepareThread = null)
    {
        MarkRunning();
        var telemetry = WorkerTelemetry.RunStarting(this);
        int phase;
        try
        {
            prepareThread?.Invoke(this);
            Execute();
            phase = EndedUnrun ? PhaseCanceled : PhaseCompleted;
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

    /// <summary>
    /// Without the execution context, the worker's thread cannot see the starter's
    /// <see cref="System.Diagnostics.Activity.Current"/>, so a runner that starts it unflowed takes its trace parent
    /// on the starting thread, for the worker's activity to continue.
    /// </summary>
    internal void CaptureParentActivityForUnflowedStart()
    {
        var parent = WorkerTelemetry.CaptureParentForUnflowedStart();
        if (parent != default)
        {
            GetOrCreateExtras().ParentActivity = parent;
        }
    }

    /// <summary>On the starting thread, as the worker is handed to its runner: for what must count from the start.</summary>
    private protected virtual void OnStarting()
    {
    }

    /// <summary>
    /// Gets a value indicating whether a body that returned normally chose not to run its work because it was stopped
    /// first, as a canceled <see cref="DelayedWorker"/> does; such a worker ends <see cref="WorkerState.Canceled"/>
    /// with no exception to rethrow.
    /// </summary>
    private protected virtual bool EndedUnrun => false;

    private int StartingFrom(int state)
    {
        if ((state & FlagDisposed) != 0)
        {
            throw new ObjectDisposedException(
                nameof(NamedWorker),
                $"Worker '{_name}' has been disposed and cannot be started. Create a new worker instead.");
        }

        if ((state & PhaseMask) != PhaseUnstarted)
        {
            throw new InvalidOperationException(
                $"Worker '{_name}' has already been started; a worker runs only once. Create a new worker to run the body again.");
        }

        return (state & ~PhaseMask) | PhaseStarting;
    }

    /// <summary>
    /// Moves the worker from starting to running, once its runner has really started it: joins and
    /// <see cref="Dispose"/> wait while a worker is starting, and may wait on its runner only once it has. Both the
    /// starter, when the runner's start returns, and the running thread, before the body, call this; whichever comes
    /// second finds the phase already moved on, even to its final value, and leaves it.
    /// </summary>
    private void MarkRunning() => UpdateState(
        0,
        static (state, _) => (state & PhaseMask) == PhaseStarting ? (state & ~PhaseMask) | PhaseRunning : state);

    private void RollBackStart()
    {
        if (Volatile.Read(ref _managedThreadId) is var id and not 0)
        {
            WorkerRegistry.Remove(id);
        }

        _extras?.ExternalStopRegistration.Dispose();
        _runner = null;
        Volatile.Write(ref _thread, null);
        Volatile.Write(ref _managedThreadId, 0);
        SetPhase(PhaseUnstarted);
    }

    private void Finish(int phase, WorkerTelemetry.RunScope telemetry)
    {
        var extras = _extras;
        extras?.ExternalStopRegistration.Dispose();
        WorkerRegistry.Remove(_managedThreadId);
        SetPhase(phase);
        telemetry.Complete(this, ToWorkerState(phase), Exception);
        extras?.Group?.OnWorkerFinished(this, ToWorkerState(phase));

        // A source someone already asked for stays in place, completed, so that the completion task is the same
        // before and after the end; otherwise the sentinel tells a later request to make a finished one.
        var joinSource = Interlocked.CompareExchange(ref _joinSource, s_finishedSentinel, null);
        if (joinSource is not null)
        {
            CompleteJoinSource(joinSource);
        }
    }
}
