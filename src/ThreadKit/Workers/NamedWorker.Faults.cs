using System;

namespace ThreadKit;

// How an exception that escapes a body is reported: once, on the worker's own thread, before any join returns.
public abstract partial class NamedWorker
{
    /// <summary>
    /// Occurs on a worker's own thread when an exception escapes its body, before any join of that worker returns.
    /// </summary>
    /// <remarks>
    /// The sender is the worker. Each handler runs in turn; one that throws is reported to standard error and does not
    /// stop the others, nor the worker's completion. With no handler subscribed, ThreadKit writes Python's report to
    /// standard error: <c>Exception in thread &lt;name&gt;:</c> followed by the exception. A body that ends with
    /// <see cref="WorkerState.Canceled"/> is not reported.
    /// </remarks>
    public static event EventHandler<WorkerExceptionEventArgs>? UnhandledException;

    internal void ReportFault(Exception exception)
    {
        var handlers = UnhandledException;
        if (handlers is null)
        {
            FaultReport.WriteUnhandled(_name, exception);
            return;
        }

        var args = new WorkerExceptionEventArgs(this, exception);
        foreach (var handler in handlers.GetInvocationList())
        {
            try
            {
                ((EventHandler<WorkerExceptionEventArgs>)handler)(this, args);
            }
            catch (Exception handlerFailure)
            {
                FaultReport.WriteHandlerFailure(_name, handlerFailure);
            }
        }
    }
}
