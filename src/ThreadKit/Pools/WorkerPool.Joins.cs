using System;
using System.Threading;

namespace ThreadKit;

// Joining a pooled job without allocating: a joiner spins briefly, then blocks on the pool's one monitor, which a pool
// thread pulses after a job only when someone is waiting. A completion task per job would cost an allocation each.
public sealed partial class WorkerPool
{
    // How long a joiner watches for a short job's end before it blocks.
    private const int JoinSpinMicroseconds = 20;

    private readonly object _joinLock = new();
    private int _joinWaiters;

    /// <summary>Waits up to <paramref name="timeout"/> for <paramref name="job"/> to finish.</summary>
    internal bool WaitForJob(NamedWorker job, TimeSpan timeout)
    {
        if (Waits.SpinBriefly(job, static job => job.IsFinished, JoinSpinMicroseconds))
        {
            return true;
        }

        lock (_joinLock)
        {
            // Counted before the last check, with a full fence, so that a pool thread that finishes the job after the
            // check sees the count and pulses. A pulse for another job only makes the wait look again.
            Interlocked.Increment(ref _joinWaiters);
            try
            {
                return Waits.Until(
                    (Pool: this, Job: job),
                    static (state, slice) => state.Job.IsFinished || (Monitor.Wait(state.Pool._joinLock, slice) && state.Job.IsFinished),
                    timeout);
            }
            finally
            {
                Interlocked.Decrement(ref _joinWaiters);
            }
        }
    }

    /// <summary>On a pool thread, after a job has finished: wakes the joiners, if any wait.</summary>
    private void JobFinished()
    {
        if (Volatile.Read(ref _joinWaiters) > 0)
        {
            lock (_joinLock)
            {
                Monitor.PulseAll(_joinLock);
            }
        }
    }
}
