using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ThreadKit;

/// <summary>
/// jstack for .NET: every managed thread of this process with its stack, ThreadKit's threads under their ThreadKit
/// names, captured in-process; and, with <see cref="CaptureOnStall"/>, the stuck thread's stack for each stall the
/// watchdog reports.
/// </summary>
/// <remarks>
/// <para>
/// A capture opens an EventPipe session to this process, as <c>dotnet-stack report</c> does to another: the runtime's
/// sample profiler records every managed thread's stack for about 25 ms, the rundown names the methods, and the
/// session is stopped before the trace is read. It takes a few hundred milliseconds, the first one longer, and runs on
/// a thread of its own, so a starved thread pool does not hold it up. Captures take turns: two calls never open two
/// sessions. While no capture runs, nothing of it exists: no session, no thread.
/// </para>
/// <para>
/// It needs the runtime's diagnostic port, which <c>DOTNET_EnableDiagnostics=0</c> turns off, and the JIT runtime:
/// NativeAOT has no sample profiler. Where either is missing a capture throws <see cref="NotSupportedException"/> at
/// once.
/// </para>
/// </remarks>
public static partial class WorkerStacks
{
    private static long s_timeoutTicks = TimeSpan.FromSeconds(10).Ticks;

    /// <summary>
    /// Gets or sets how long a capture may take, waiting for another capture included, before it gives up with a
    /// <see cref="TimeoutException"/> and stops its session. The default is 10 seconds;
    /// <see cref="Timeout.InfiniteTimeSpan"/> waits as long as it takes.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative, other than <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    public static TimeSpan CaptureTimeout
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref s_timeoutTicks));
        set
        {
            if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "A capture timeout must be positive, or Timeout.InfiniteTimeSpan for none.");
            }

            Interlocked.Exchange(ref s_timeoutTicks, value.Ticks);
        }
    }

    /// <summary>
    /// Captures the stack of every managed thread of this process: ThreadKit's threads first, under their ThreadKit
    /// names, then the others under the names the operating system shows.
    /// </summary>
    /// <param name="cancellationToken">Ends the capture at once, stopping its session.</param>
    /// <returns>One entry per thread the sample profiler saw; the capture's own threads are left out.</returns>
    /// <exception cref="NotSupportedException">The process cannot sample its own stacks: NativeAOT, a platform without EventPipe, or a diagnostic port turned off or refusing a session.</exception>
    /// <exception cref="TimeoutException">The capture took longer than <see cref="CaptureTimeout"/>; its session has been stopped.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled; the session has been stopped.</exception>
    public static async Task<IReadOnlyList<ThreadStack>> CaptureAsync(CancellationToken cancellationToken = default)
    {
        CaptureSupport.ThrowIfUnsupported();
        cancellationToken.ThrowIfCancellationRequested();
        var timeout = CaptureTimeout;
        var capture = NamedWorker.Create("ThreadKit stack capture", static (TimeSpan limit, CancellationToken stop) => StackCapture.Run(limit, stop), timeout, cancellationToken);
        capture.IsBackground = true;
        capture.Start();
        var joined = capture.JoinAsync(CancellationToken.None);

        // The capture bounds its own waits too; this one also covers a session start that hangs in the runtime, which
        // no token reaches (sentry-dotnet#2385). The capture is told to stop, and finishes on its own thread.
        if (await Task.WhenAny(joined, Task.Delay(timeout, cancellationToken)).ConfigureAwait(false) != joined)
        {
            capture.RequestStop();
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException(
                $"The stack capture did not finish within {timeout.TotalSeconds:0.#} s; its session was told to stop. Raise WorkerStacks.CaptureTimeout, or check the runtime's diagnostic port.");
        }

        return await joined.ConfigureAwait(false);
    }

    /// <summary>
    /// Captures every managed thread's stack, as <see cref="CaptureAsync"/> does, and prints it as Java's
    /// <c>jstack</c> does: one block per thread, a header line with the name in quotes, the kind, the native id in hex
    /// (<c>nid=0x…</c>, as <c>dotnet-stack</c> prints it) and the current work, then one <c>at</c> line per frame, with
    /// a blank line between blocks. ThreadKit's threads come first.
    /// </summary>
    /// <param name="cancellationToken">Ends the capture at once, stopping its session.</param>
    /// <returns>The dump's text.</returns>
    /// <exception cref="NotSupportedException">The process cannot sample its own stacks; see <see cref="CaptureAsync"/>.</exception>
    /// <exception cref="TimeoutException">The capture took longer than <see cref="CaptureTimeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async Task<string> DumpAsync(CancellationToken cancellationToken = default) =>
        StackDump.Format(await CaptureAsync(cancellationToken).ConfigureAwait(false));
}
