namespace ThreadKit;

/// <summary>
/// The lifecycle state of a <see cref="NamedWorker"/>.
/// </summary>
/// <remarks>
/// A worker moves forward only: <see cref="Unstarted"/>, then <see cref="Running"/>, then exactly one of
/// <see cref="Completed"/>, <see cref="Faulted"/> or <see cref="Canceled"/>.
/// </remarks>
public enum WorkerState
{
    /// <summary>The worker has been created but <see cref="NamedWorker.Start"/> has not been called, or its start failed.</summary>
    Unstarted = 0,

    /// <summary>The worker's thread has been started and its body has not finished yet.</summary>
    Running = 1,

    /// <summary>The body returned normally.</summary>
    Completed = 2,

    /// <summary>The body threw an exception; it is kept in <see cref="NamedWorker.Exception"/> and rethrown by every join.</summary>
    Faulted = 3,

    /// <summary>
    /// The body honoured a stop request by throwing an <see cref="System.OperationCanceledException"/> for the
    /// worker's own stop token, as <c>token.ThrowIfCancellationRequested()</c> does, or was stopped before it did its
    /// work, as a <see cref="DelayedWorker"/> canceled during its delay is. This is not a fault: it is not reported to
    /// <see cref="NamedWorker.UnhandledException"/>, and a <see cref="WorkerGroup"/> does not count it.
    /// </summary>
    Canceled = 4,
}
