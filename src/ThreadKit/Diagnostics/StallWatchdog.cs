using System;
using System.Globalization;
using System.Threading;

namespace ThreadKit;

/// <summary>
/// One background thread for the whole process that samples the watched loop and pool threads and reports work that
/// has run past its owner's <c>StallThreshold</c>, once per item; and the threads of async bodies, whose one stall is
/// work queued to their own thread that waits past the loops' default threshold while the body does not return. It starts with the first watched thread, and while
/// no thread is watched it blocks without a timeout, so it burns no CPU.
/// </summary>
/// <remarks>
/// It samples every quarter of the smallest threshold it watches. An item is first seen at most one interval after it
/// starts and reported at most one interval after it has been seen for the threshold, so a report comes no later than
/// the threshold plus half of it; and never for work shorter than the threshold, since the elapsed time it measures
/// never exceeds the real one. The interval has a floor of 10 ms, which bounds the cost of tiny thresholds.
/// </remarks>
internal static class StallWatchdog
{
    private const string ThreadName = "ThreadKit watchdog";
    private static readonly TimeSpan s_minimumInterval = TimeSpan.FromMilliseconds(10);

    // Monitor.Wait takes at most int.MaxValue milliseconds; a threshold of years samples at least this often.
    private static readonly TimeSpan s_longestWait = TimeSpan.FromMilliseconds(int.MaxValue - 1);
    private static readonly object s_lock = new();
    private static bool s_started;
    private static bool s_rescheduled;

    /// <summary>Wakes the watchdog, starting it the first time, so that a new thread or threshold is sampled in time.</summary>
    public static void Reschedule()
    {
        lock (s_lock)
        {
            s_rescheduled = true;
            if (s_started)
            {
                Monitor.Pulse(s_lock);
                return;
            }

            s_started = true;
        }

        ThreadFactory.Start(ThreadFactory.Create(static _ => Run(), ThreadSpec.Default, isBackground: true), null, flowExecutionContext: false);
    }

    public static TimeSpan SampleInterval(TimeSpan threshold)
    {
        var quarter = TimeSpan.FromTicks(threshold.Ticks / 4);
        return quarter < s_minimumInterval ? s_minimumInterval : quarter;
    }

    /// <summary>The report's one sentence: who, what, for how long, what waits behind it, and, for a loop, the deadlock to avoid.</summary>
    public static string Explain(WorkerThreadInfo thread)
    {
        var elapsed = WorkerThreadInfo.FormatElapsed(thread.CurrentWorkElapsed ?? TimeSpan.Zero);
        var queued = thread.QueuedCount.ToString(CultureInfo.InvariantCulture);
        var native = thread.NativeThreadId?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
        if (thread.Kind == WorkerThreadKind.Loop)
        {
            var message = $"Loop '{thread.Owner}' has been running {thread.CurrentWork} for {elapsed} on thread '{thread.Name}' (native id {native}), with {queued} item(s) queued behind it.";
            return thread.QueuedCount == 0
                ? message + " Nothing else can run on the loop until it returns; move long or blocking work off the loop."
                : message + " If it is waiting (Invoke, .Wait(), .Result) for work queued on this same loop, that is a deadlock: the loop cannot run the work it waits for. Await the work instead, or run the blocking call off the loop.";
        }

        if (thread.Kind == WorkerThreadKind.Worker)
        {
            return $"Worker '{thread.Name}' (native id {native}) has had {queued} item(s) queued to its own thread for {elapsed} while its async body runs {thread.CurrentWork} without returning to the thread's pump. The body waits synchronously (.Result, .Wait(), GetAwaiter().GetResult()) for work queued to its own thread, which cannot run until the body returns: a deadlock. Await the work instead; if the body was meant to be synchronous, cast the lambda to Action, so that it runs without a context.";
        }

        return $"Pool '{thread.Owner}' has been running job '{thread.CurrentWork}' for {elapsed} on thread '{thread.Name}' (native id {native}), with {queued} job(s) queued for the pool. Make the job observe its stop token, or raise the pool's StallThreshold if it is meant to run this long.";
    }

    private static void Run()
    {
        ThreadNaming.Name(Thread.CurrentThread, ThreadName);
        while (true)
        {
            var (stalls, next) = ThreadWatch.Sample();
            foreach (var stall in stalls ?? [])
            {
                WorkerDiagnostics.Report(stall);
            }

            lock (s_lock)
            {
                if (!s_rescheduled)
                {
                    if (next == Timeout.InfiniteTimeSpan)
                    {
                        Monitor.Wait(s_lock);
                    }
                    else
                    {
                        Monitor.Wait(s_lock, next < s_longestWait ? next : s_longestWait);
                    }
                }

                s_rescheduled = false;
            }
        }
    }
}
