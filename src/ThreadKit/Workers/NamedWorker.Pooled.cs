using System;
using System.Threading;
using System.Threading.Tasks;

namespace ThreadKit;

// Pooled jobs: a worker that a WorkerPool runs on one of its threads instead of a thread of its own. Everything else
// about it is a worker's: name, state, stop token, fault reporting, telemetry and every join.
public abstract partial class NamedWorker
{
    private static readonly ContextCallback s_runPooledBody = static worker => ((NamedWorker)worker!).RunBody();

    /// <summary>Gets a value indicating whether a <see cref="WorkerPool"/> runs this worker on one of its threads.</summary>
    internal bool IsPooled => (Volatile.Read(ref _state) & FlagPooled) != 0;

    /// <summary>Gets a value indicating whether this pooled job is running on the calling thread.</summary>
    private bool IsRunningOnCallingThread => ReferenceEquals(WorkerRegistry.Find(Environment.CurrentManagedThreadId), this);

    /// <summary>Makes an unstarted worker a job of <paramref name="pool"/>: its Start queues it there.</summary>
    internal void AttachToPool(WorkerPool pool)
    {
        GetOrCreateExtras().Pool = pool;
        SetFlag(FlagPooled);
    }

    /// <summary>
    /// Runs the job on the calling pool thread: sets its ids, lists it in the registry, names the thread after it, and
    /// runs its body under the execution context of the code that started it, as the thread pool does.
    /// </summary>
    internal void RunOnPoolThread(Thread poolThread)
    {
        var id = Environment.CurrentManagedThreadId;
        Volatile.Write(ref _managedThreadId, id);
        Volatile.Write(ref _nativeThreadId, NativeThread.GetCurrentThreadId());
        WorkerRegistry.Add(id, this);
        WorkerPool.TryNameThread(poolThread, _name);

        var extras = _extras!;
        var context = extras.PooledContext;
        extras.PooledContext = null;
        if (context is null)
        {
            RunBody();
        }
        else
        {
            ExecutionContext.Run(context, s_runPooledBody, this);
        }
    }

    private void StartPooled()
    {
        var extras = _extras!;
        extras.PooledContext = ExecutionContext.Capture();
        RegisterExternalStop(extras);
        MarkRunning();
        try
        {
            extras.Pool!.Enqueue(this);
        }
        catch
        {
            extras.ExternalStopRegistration.Dispose();
            extras.PooledContext = null;
            SetPhase(PhaseUnstarted);
            throw;
        }
    }

    /// <summary>Waits for a pooled job's end on its completion task, without throwing its outcome.</summary>
    private bool WaitForPooledEnd(TimeSpan timeout)
    {
        var completion = GetCompletionTask();
        Task[] waitFor = [completion];
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            Task.WaitAny(waitFor);
            return true;
        }

        return WaitInSlices(waitFor, static (waitFor, slice) => Task.WaitAny(waitFor, slice) == 0, timeout);
    }
}
