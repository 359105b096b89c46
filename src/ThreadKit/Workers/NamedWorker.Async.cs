using System;

namespace ThreadKit;

// Async bodies: the single-threaded context that keeps every continuation on the worker's thread. It is installed for
// async bodies only; an ordinary body runs with no context, so sync-over-async code in it cannot deadlock.
public abstract partial class NamedWorker
{
    /// <summary>Installs the worker's context on its thread, for a body that returns a task, about to run <paramref name="body"/>.</summary>
    private protected WorkerSynchronizationContext InstallSynchronizationContext(Delegate body) =>
        WorkerSynchronizationContext.Install(this, body);

    /// <summary>
    /// Installs the worker's context when <paramref name="body"/> is an <c>async void</c> method or lambda, whose
    /// fault would otherwise be thrown on the thread pool and end the process; returns <see langword="null"/> for an
    /// ordinary body.
    /// </summary>
    private protected WorkerSynchronizationContext? InstallSynchronizationContextIfAsyncVoid(Delegate body) =>
        WorkerSynchronizationContext.IsAsyncVoid(body) ? WorkerSynchronizationContext.Install(this, body) : null;
}
