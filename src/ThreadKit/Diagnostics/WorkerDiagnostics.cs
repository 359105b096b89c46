using System;
using System.Collections.Generic;
using System.Text;

namespace ThreadKit;

/// <summary>
/// Every thread ThreadKit runs, and the one that is stuck: a thread listing like Java's <c>jstack</c>, and a stall
/// watchdog like Vert.x's blocked-thread checker, which reports a loop item or pool job that has run longer than its
/// owner's <c>StallThreshold</c>.
/// </summary>
/// <remarks>
/// <para>
/// Stalls are reported through <see cref="StallDetected"/>, the <c>threadkit.stalls</c> counter of the <c>ThreadKit</c>
/// meter, and the <c>ThreadKit</c> <see cref="System.Diagnostics.Tracing.EventSource"/>; with <c>ThreadKit.Hosting</c>,
/// also as a warning in the host's log. The watchdog is one background thread for the process, started with the first
/// loop or pool, which samples each thread's progress instead of timing every item.
/// </para>
/// <para>
/// Defaults: a loop's threshold is <see cref="WorkerLoop.DefaultStallThreshold"/> (5 s), a pool's
/// <see cref="WorkerPool.DefaultStallThreshold"/> (10 min). The watchdog's own thread, <c>ThreadKit watchdog</c>, runs
/// no user code and is not listed.
/// </para>
/// </remarks>
public static class WorkerDiagnostics
{
    /// <summary>
    /// Occurs on the watchdog's thread, once per item, when a loop item or a pool job has run longer than its owner's
    /// stall threshold. A handler that throws is reported to standard error; it stops neither the other handlers nor
    /// the watchdog.
    /// </summary>
    public static event EventHandler<WorkerStallEventArgs>? StallDetected;

    /// <summary>
    /// Lists every live thread that ThreadKit runs, and no other: workers' own threads, loop threads and pool threads,
    /// idle or busy.
    /// </summary>
    /// <returns>A new list, loop and pool threads first; later changes do not affect it.</returns>
    public static IReadOnlyList<WorkerThreadInfo> GetThreads() => ThreadWatch.Snapshot();

    /// <summary>
    /// Describes every live thread that ThreadKit runs as text a person reads, one block per thread, like
    /// <c>jstack</c>: its name, kind, owner, managed and native ids, its current work with its elapsed time, and its
    /// queue. Match a thread with <c>top -H</c>, <c>perf</c> or <c>dotnet-stack</c> through its native id (<c>nid</c>).
    /// </summary>
    /// <returns>The dump, ending with a line that counts the threads.</returns>
    public static string Dump()
    {
        var threads = GetThreads();
        var text = new StringBuilder();
        text.Append("ThreadKit thread dump, ").Append(DateTimeOffset.UtcNow.ToString("u", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        foreach (var thread in threads)
        {
            text.Append('\n').Append(thread).Append('\n');
            if (thread.CurrentWork is not null)
            {
                text.Append("    at ").Append(thread.CurrentWork).Append('\n');
            }
        }

        text.Append('\n').Append(threads.Count).Append(threads.Count == 1 ? " thread\n" : " threads\n");
        return text.ToString();
    }

    /// <summary>On the watchdog's thread: tells every listener about one stall.</summary>
    internal static void Report(WorkerStallEventArgs stall)
    {
        WorkerTelemetry.StallDetected(stall.Thread);
        ThreadKitEventSource.Log.Stall(stall);
        var handlers = StallDetected;
        foreach (var handler in handlers?.GetInvocationList() ?? [])
        {
            try
            {
                ((EventHandler<WorkerStallEventArgs>)handler)(null, stall);
            }
            catch (Exception handlerFailure)
            {
                FaultReport.WriteStallHandlerFailure(stall.Thread.Name, handlerFailure);
            }
        }
    }
}
