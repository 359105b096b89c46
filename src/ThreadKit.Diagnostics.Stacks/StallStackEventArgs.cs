using System;

namespace ThreadKit;

/// <summary>
/// Data for <see cref="WorkerStacks.StallStackCaptured"/>: a stall the watchdog reported, and the stuck thread's stack
/// as captured right after it.
/// </summary>
public sealed class StallStackEventArgs : EventArgs
{
    internal StallStackEventArgs(WorkerStallEventArgs stall, ThreadStack? stack, Exception? error)
    {
        Stall = stall;
        Stack = stack;
        Error = error;
    }

    /// <summary>Gets the stall the watchdog reported, as <see cref="WorkerDiagnostics.StallDetected"/> carried it.</summary>
    public WorkerStallEventArgs Stall { get; }

    /// <summary>
    /// Gets the stuck thread's stack, or <see langword="null"/> when the capture failed (see <see cref="Error"/>) or
    /// found no sample of that thread (it ended, or left managed code for the whole capture).
    /// </summary>
    public ThreadStack? Stack { get; }

    /// <summary>Gets why the capture failed, or <see langword="null"/> if it ran.</summary>
    public Exception? Error { get; }

    /// <summary>Returns the stall's message, then the stuck thread's block or why there is none.</summary>
    /// <returns>The text a log line carries.</returns>
    public override string ToString() =>
        Stack is { } stack ? Stall.Message + Environment.NewLine + stack
        : Error is { } error ? $"{Stall.Message}{Environment.NewLine}(no stack: {error.Message})"
        : $"{Stall.Message}{Environment.NewLine}(no stack: the capture saw no sample of thread '{Stall.Thread.Name}')";
}
