using System;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.IO;
using System.Threading;
using Microsoft.Diagnostics.NETCore.Client;

namespace ThreadKit;

/// <summary>
/// One capture: an EventPipe session the process opens to itself with the runtime's sample profiler and rundown, as
/// <c>dotnet-stack report</c> opens one to another process, copied to a temporary file while it runs. It runs on a
/// dedicated thread of its own, so a starved thread pool cannot hold it up, and it always stops its session.
/// </summary>
internal static class EventPipeCapture
{
    // The sample profiler walks every managed thread once a millisecond; this long gives each a few samples.
    private static readonly TimeSpan s_sampling = TimeSpan.FromMilliseconds(25);

    private static readonly EventPipeProvider[] s_providers =
    [
        new("Microsoft-DotNETCore-SampleProfiler", EventLevel.Informational),
    ];

    /// <summary>
    /// Records a trace into <paramref name="tracePath"/>, adding the native id of the reader thread it starts to
    /// <paramref name="ownThreads"/>, which the result leaves out. Throws <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> is canceled, which also stops the session at once.
    /// </summary>
    public static void Record(string tracePath, ISet<long> ownThreads, TimeSpan timeout, CancellationToken cancellationToken)
    {
        EventPipeSession session;
        try
        {
            session = new DiagnosticsClient(Environment.ProcessId).StartEventPipeSession(s_providers, requestRundown: true, circularBufferMB: 64);
        }
        catch (Exception ex) when (ex is ServerNotAvailableException or DiagnosticsClientException or IOException or TimeoutException)
        {
            throw new NotSupportedException(
                $"The runtime's diagnostic port would not open a session ({ex.GetType().Name}: {ex.Message}). Check that DOTNET_EnableDiagnostics is not 0 and that the process may create its diagnostic socket in the temporary folder.",
                ex);
        }

        using (session)
        {
            // Canceling disposes the session: the runtime stops it and the copy below ends at once.
            using var stopOnCancel = cancellationToken.Register(static state => ((EventPipeSession)state!).Dispose(), session);
            var reader = NamedWorker.Create("ThreadKit stack capture reader", Copy, session.EventStream, tracePath);
            reader.IsBackground = true;
            reader.Start();
            if (reader.NativeThreadId is { } readerId)
            {
                ownThreads.Add(readerId);
            }

            try
            {
                cancellationToken.WaitHandle.WaitOne(s_sampling);
                cancellationToken.ThrowIfCancellationRequested();
                session.Stop();

                // The rundown, which lists every compiled method, comes after the stop; it grows with the process's code.
                if (!reader.Join(timeout))
                {
                    session.Dispose();
                    reader.Join(TimeSpan.FromSeconds(1));
                    throw new TimeoutException(
                        $"The stack capture's trace did not end within {timeout.TotalSeconds:0.#} s of its session; the session was stopped. Raise WorkerStacks.CaptureTimeout for a process with this much compiled code.");
                }
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                session.Dispose();
                reader.Join(TimeSpan.FromSeconds(1));
                throw new OperationCanceledException(cancellationToken);
            }
        }
    }

    /// <summary>
    /// On the reader thread: copies the session's stream to the file through one fixed buffer. It creates no
    /// EventSource and takes no lock the runtime or ThreadKit needs, which a process tracing itself must avoid
    /// (dotnet/runtime#1892), and its memory is bounded by the buffer.
    /// </summary>
    private static void Copy(Stream events, string tracePath)
    {
        using var file = new FileStream(tracePath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = events.Read(buffer, 0, buffer.Length)) > 0)
            {
                file.Write(buffer, 0, read);
            }
        }
        catch (ObjectDisposedException)
        {
            // The session was disposed on cancellation; what was read is discarded with the file.
        }
        catch (IOException)
        {
            // Likewise: the stream broke off as the session was torn down.
        }
    }
}
