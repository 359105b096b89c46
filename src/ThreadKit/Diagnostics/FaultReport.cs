using System;

namespace ThreadKit;

/// <summary>Python's standard-error report for a fault nobody handled, made safe against hostile exceptions.</summary>
internal static class FaultReport
{
    public static void WriteUnhandled(string workerName, Exception exception) =>
        Write("Exception in thread " + workerName + ":" + Environment.NewLine + Describe(exception));

    public static void WriteHandlerFailure(string workerName, Exception handlerFailure) =>
        Write("Exception in an UnhandledException handler for thread " + workerName + ":" + Environment.NewLine + Describe(handlerFailure));

    /// <summary>A one-off notice that needs no exception, such as a refused priority.</summary>
    public static void WriteNotice(string notice) => Write(notice);

    public static void WriteStallHandlerFailure(string threadName, Exception handlerFailure) =>
        Write("Exception in a StallDetected handler, for a stall on thread " + threadName + ":" + Environment.NewLine + Describe(handlerFailure));

    /// <summary>
    /// Formats an exception without trusting it: an override of <see cref="Exception.ToString"/> that throws must not
    /// take the worker's thread, and with it the process, down.
    /// </summary>
    internal static string Describe(Exception exception)
    {
        try
        {
            return exception.ToString();
        }
        catch (Exception formattingFailure)
        {
            return exception.GetType().FullName + " (its ToString() threw " + formattingFailure.GetType().FullName + ")";
        }
    }

    private static void Write(string report)
    {
        try
        {
            // One call, so that reports from threads failing together do not interleave line by line.
            Console.Error.Write(report + Environment.NewLine);
        }
        catch (Exception)
        {
            // Standard error may be closed; the fault is still kept for Join.
        }
    }
}
