using System;

namespace ThreadKit;

/// <summary>
/// Describes an exception that escaped the body of a <see cref="NamedWorker"/>.
/// </summary>
/// <seealso cref="NamedWorker.UnhandledException"/>
public sealed class WorkerExceptionEventArgs : EventArgs
{
    /// <summary>
    /// Initializes a new instance of the <see cref="WorkerExceptionEventArgs"/> class.
    /// </summary>
    /// <param name="worker">The worker whose body threw.</param>
    /// <param name="exception">The exception that escaped the body.</param>
    /// <exception cref="ArgumentNullException"><paramref name="worker"/> or <paramref name="exception"/> is <see langword="null"/>.</exception>
    public WorkerExceptionEventArgs(NamedWorker worker, Exception exception)
    {
        Worker = Guard.NotNull(worker);
        Exception = Guard.NotNull(exception);
    }

    /// <summary>Gets the worker whose body threw.</summary>
    public NamedWorker Worker { get; }

    /// <summary>Gets the exception that escaped the body. The same object is rethrown by every join of <see cref="Worker"/>.</summary>
    public Exception Exception { get; }
}
