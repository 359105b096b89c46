using System;

namespace ThreadKit;

/// <summary>
/// Data for <see cref="WorkerDiagnostics.StallDetected"/>: a loop item or a pool job that has run longer than its
/// owner's <c>StallThreshold</c>.
/// </summary>
public sealed class WorkerStallEventArgs : EventArgs
{
    internal WorkerStallEventArgs(WorkerThreadInfo thread, TimeSpan elapsed, string message)
    {
        Thread = thread;
        Elapsed = elapsed;
        Message = message;
    }

    /// <summary>Gets the stuck thread, as it was when the stall was detected.</summary>
    public WorkerThreadInfo Thread { get; }

    /// <summary>Gets how long the work had run, at least, when the stall was detected.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>
    /// Gets one sentence a person can act on: the thread and its owner, the work, the elapsed time and the queue behind
    /// it, and, for a loop with work queued, how a blocking wait there on that same work deadlocks and how to avoid it.
    /// </summary>
    public string Message { get; }

    /// <summary>Returns <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}
