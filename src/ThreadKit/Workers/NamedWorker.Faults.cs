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

    /// <summary>
    /// Gets or sets this worker's own fault handler, which reports its fault instead of <see cref="UnhandledException"/>
    /// and the standard-error report, as Java's <c>Thread.setUncaughtExceptionHandler</c> does for one thread. It runs
    /// once, on the worker's thread, before any join returns; if it throws, that is reported to standard error. It is
    /// for code that owns how a worker's faults are reported, such as a hosted service that logs them through its host.
    /// </summary>
    /// <exception cref="InvalidOperationException">The value is set after <see cref="Start"/> has been called.</exception>
    /// <exception cref="ObjectDisposedException">The value is set after the worker has been disposed.</exception>
    public Action<WorkerExceptionEventArgs>? UnhandledExceptionHandler
    {
        get => _extras?.UnhandledExceptionHandler;
        set
        {
            ThrowIfOptionsFrozen(nameof(UnhandledExceptionHandler));
            GetOrCreateExtras().UnhandledExceptionHandler = value;
        }
    }

    internal void ReportFault(Exception exception)
    {
        if (_extras?.UnhandledExceptionHandler is { } ownHandler)
        {
            try
            {
                ownHandler(new WorkerExceptionEventArgs(this, exception));
            }
            catch (Exception handlerFailure)
            {
                FaultReport.WriteHandlerFailure(_name, handlerFailure);
            }

            return;
        }

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
