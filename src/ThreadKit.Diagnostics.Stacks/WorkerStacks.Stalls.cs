using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;

namespace ThreadKit;

// Stall captures: one capture per stall the watchdog reports, off the watchdog's thread, at most one in flight and at
// most one per StallCaptureInterval.
public static partial class WorkerStacks
{
    private static readonly object s_stallLock = new();
    private static bool s_captureOnStall;
    private static bool s_stallCaptureRunning;
    private static long s_lastStallCapture;
    private static long s_stallIntervalTicks = TimeSpan.FromSeconds(30).Ticks;

    /// <summary>
    /// Raised once a stall's capture has ended, on the capture's own thread, with the stuck thread's stack, or with
    /// why there is none. Handlers should return quickly; an exception a handler throws is written to standard error
    /// and does not stop later captures.
    /// </summary>
    public static event EventHandler<StallStackEventArgs>? StallStackCaptured;

    /// <summary>
    /// Gets or sets a value indicating whether each stall that <see cref="WorkerDiagnostics.StallDetected"/> reports
    /// (a loop's item, a pool's job, an async body the watchdog covers) triggers a capture, whose result
    /// <see cref="StallStackCaptured"/> carries. Off by default, when the package costs nothing. A stall reported while
    /// a capture runs, or within <see cref="StallCaptureInterval"/> of the last one, is not captured.
    /// </summary>
    public static bool CaptureOnStall
    {
        get
        {
            lock (s_stallLock)
            {
                return s_captureOnStall;
            }
        }

        set
        {
            lock (s_stallLock)
            {
                if (value == s_captureOnStall)
                {
                    return;
                }

                s_captureOnStall = value;
                if (value)
                {
                    WorkerDiagnostics.StallDetected += OnStall;
                }
                else
                {
                    WorkerDiagnostics.StallDetected -= OnStall;
                }
            }
        }
    }

    /// <summary>
    /// Gets or sets the least time between two stall captures, counted from the end of one to the start of the next:
    /// a capture costs a few hundred milliseconds of CPU, and a process with many stalls should not spend its time
    /// capturing them. The default is 30 seconds; <see cref="TimeSpan.Zero"/> captures every stall that comes while
    /// none is being captured.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public static TimeSpan StallCaptureInterval
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref s_stallIntervalTicks));
        set
        {
            if (value < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The interval between stall captures cannot be negative; use TimeSpan.Zero for none.");
            }

            Interlocked.Exchange(ref s_stallIntervalTicks, value.Ticks);
        }
    }

    /// <summary>On the watchdog's thread: claims the one stall capture, if it is free and due, and starts it on a thread of its own.</summary>
    private static void OnStall(object? sender, WorkerStallEventArgs stall)
    {
        lock (s_stallLock)
        {
            if (s_stallCaptureRunning
                || (s_lastStallCapture != 0 && Stopwatch.GetElapsedTime(s_lastStallCapture) < StallCaptureInterval))
            {
                return;
            }

            s_stallCaptureRunning = true;
        }

        try
        {
            var capture = NamedWorker.Create("ThreadKit stall stack capture", CaptureStall, stall);
            capture.IsBackground = true;
            capture.Start();
        }
        catch (OutOfMemoryException)
        {
            // No thread for the capture: the stall itself is still reported by the watchdog.
            EndStallCapture();
        }
    }

    /// <summary>On the stall capture's thread: captures, then raises <see cref="StallStackCaptured"/>.</summary>
    private static void CaptureStall(WorkerStallEventArgs stall)
    {
        StallStackEventArgs result;
        try
        {
            CaptureSupport.ThrowIfUnsupported();
            var stacks = StackCapture.Run(CaptureTimeout, CancellationToken.None);
            var stuck = stall.Thread.NativeThreadId is { } id ? stacks.FirstOrDefault(stack => stack.NativeThreadId == id) : null;
            result = new StallStackEventArgs(stall, stuck, null);
        }
        catch (Exception ex) when (ex is NotSupportedException or TimeoutException or InvalidOperationException or System.IO.IOException or UnauthorizedAccessException)
        {
            result = new StallStackEventArgs(stall, null, ex);
        }
        finally
        {
            EndStallCapture();
        }

        try
        {
            StallStackCaptured?.Invoke(null, result);
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"ThreadKit: a StallStackCaptured handler threw, for the stall of '{stall.Thread.Name}': {ex}");
        }
    }

    private static void EndStallCapture()
    {
        lock (s_stallLock)
        {
            s_stallCaptureRunning = false;
            s_lastStallCapture = Stopwatch.GetTimestamp();
        }
    }
}
