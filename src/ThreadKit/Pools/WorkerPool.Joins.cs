using System;
using System.Diagnostics;
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

        var deadline = timeout == Timeout.InfiniteTimeSpan ? long.MaxValue : Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        lock (_joinLock)
        {
            // Counted before the last check, with a full fence, so that a pool thread that finishes the job after the
            // check sees the count and pulses.
            Interlocked.Increment(ref _joinWaiters);
            try
            {
                while (!job.IsFinished)
                {
                    var remaining = deadline - Stopwatch.GetTimestamp();
                    if (remaining <= 0)
                    {
                        return false;
                    }

                    var milliseconds = deadline == long.MaxValue ? Timeout.Infinite : (int)Math.Min(int.MaxValue - 1, Math.Ceiling(remaining * 1000.0 / Stopwatch.Frequency));
                    Monitor.Wait(_joinLock, milliseconds);
                }

                return true;
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
