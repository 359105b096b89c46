using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace ThreadKit;

/// <summary>
/// The loop and pool threads alive now, and the threads of async bodies, each with its <see cref="ThreadActivity"/>,
/// and the snapshots built from them. One lock serves; workers' own threads are listed from the worker registry.
/// </summary>
internal static class ThreadWatch
{
    private static readonly object s_lock = new();
    private static readonly List<ThreadActivity> s_threads = [];

    /// <summary>Lists a loop or pool thread, and tells the watchdog there is something to watch.</summary>
    public static void Add(ThreadActivity activity, Thread thread)
    {
        lock (s_lock)
        {
            activity.Bind(thread);
            s_threads.Add(activity);
            activity.Owner.OnListed();
        }

        if (activity.Owner.IsWatched)
        {
            StallWatchdog.Reschedule();
        }
    }

    /// <summary>On a loop or pool thread as it ends.</summary>
    public static void Remove(ThreadActivity activity)
    {
        lock (s_lock)
        {
            if (s_threads.Remove(activity))
            {
                activity.Owner.OnUnlisted();
            }
        }
    }

    /// <summary>A threshold changed: re-arms the owner's clock's sample timer, if it has one, and wakes the watchdog.</summary>
    public static void Resample(ThreadOwner owner)
    {
        lock (s_lock)
        {
            owner.Rearm();
        }

        StallWatchdog.Reschedule();
    }

    /// <summary>Every live thread ThreadKit runs: loop and pool threads, then workers' own threads.</summary>
    public static List<WorkerThreadInfo> Snapshot()
    {
        var threads = new List<WorkerThreadInfo>();
        var tracked = new HashSet<int>();
        lock (s_lock)
        {
            // Read under the lock, so that samples are taken in the order of their times and no elapsed time is negative.
            var now = Stopwatch.GetTimestamp();
            foreach (var activity in s_threads)
            {
                // An async body's thread is watched here, but listed below as the worker it is.
                if (activity.Owner.Kind != WorkerThreadKind.Worker)
                {
                    tracked.Add(activity.Thread.ManagedThreadId);
                    threads.Add(Describe(activity, activity.Observe(activity.Owner.Now(now))));
                }
            }
        }

        foreach (var worker in WorkerRegistry.Snapshot())
        {
            // A pooled job or a loop's worker is listed under its pool or loop thread. A loop's worker that is not
            // listed here yet, or any more (its loop starting or ending), is still a loop thread, idle.
            if (worker.ManagedThreadId is { } id && !tracked.Contains(id))
            {
                var kind = worker.RunnerKind;
                var owner = kind == WorkerThreadKind.Loop ? worker.Name : worker.Group?.Name;
                threads.Add(new WorkerThreadInfo(worker.Name, kind, owner, id, worker.KnownNativeThreadId, null, null, 0));
            }
        }

        return threads;
    }

    /// <summary>
    /// Samples every watched thread, and returns the stalls to report: items that have run past their owner's
    /// threshold and were not reported yet. Also returns how long the watchdog may sleep before it must sample again,
    /// or <see cref="Timeout.InfiniteTimeSpan"/> when no thread is watched.
    /// </summary>
    public static (List<WorkerStallEventArgs>? Stalls, TimeSpan NextSample) Sample()
    {
        List<WorkerStallEventArgs>? stalls = null;
        var next = Timeout.InfiniteTimeSpan;
        lock (s_lock)
        {
            var now = Stopwatch.GetTimestamp();
            foreach (var activity in s_threads)
            {
                var threshold = activity.Owner.StallThreshold;
                if (threshold == Timeout.InfiniteTimeSpan)
                {
                    continue;
                }

                var interval = StallWatchdog.SampleInterval(threshold);
                if (next == Timeout.InfiniteTimeSpan || interval < next)
                {
                    next = interval;
                }

                var sample = activity.Observe(activity.Owner.Now(now));
                if (sample.Callback is not null && activity.TakeStall(sample.Elapsed))
                {
                    var info = Describe(activity, sample);
                    (stalls ??= []).Add(new WorkerStallEventArgs(info, sample.Elapsed, StallWatchdog.Explain(info)));
                }
            }
        }

        return (stalls, next);
    }

    private static WorkerThreadInfo Describe(ThreadActivity activity, ThreadActivity.Sample sample)
    {
        var owner = activity.Owner;
        var busy = sample.Callback is not null;
        return new WorkerThreadInfo(
            activity.Thread.Name ?? owner.Name,
            owner.Kind,
            owner.ListedOwner,
            activity.Thread.ManagedThreadId,
            activity.NativeThreadId is 0 or NativeThread.Unavailable ? null : activity.NativeThreadId,
            busy ? WorkDescription.Describe(sample.Callback!, sample.State) : null,
            busy ? sample.Elapsed : null,
            owner.QueuedCount);
    }
}
