using System;

namespace ThreadKit;

/// <summary>
/// Where a worker's body runs: the one seam between a <see cref="NamedWorker"/> and the thread it runs on. A runner
/// owns starting the body on a thread, naming that thread, and the wait that joins use; the worker only hands itself
/// over at <see cref="NamedWorker.Start"/> and is called back on the thread.
/// </summary>
/// <remarks>
/// <para>
/// A runner calls back into the worker in this order, on the thread it chose: <see cref="NamedWorker.BindThread"/>
/// (ids and registry), then, with the thread named after the worker, <see cref="NamedWorker.Run"/>, which runs the
/// body and records its outcome. Data flows one way: the worker never asks who runs it.
/// </para>
/// <para>
/// <see cref="ThreadRunner"/> gives each worker a new thread, and serves plain workers, delayed workers and the
/// thread of every loop. <see cref="PoolRunner"/> runs jobs on a <see cref="WorkerPool"/>'s reused threads.
/// </para>
/// </remarks>
internal abstract class WorkerRunner
{
    /// <summary>
    /// Starts the body of <paramref name="worker"/>, which is starting: on a thread now, or queued for one. To refuse,
    /// throw; the worker then rolls back to unstarted, so the caller can start it again.
    /// </summary>
    public abstract void Start(NamedWorker worker);

    /// <summary>Gets the kind of thread this runner runs its workers on, as diagnostics list it.</summary>
    public abstract WorkerThreadKind Kind { get; }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> (<see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for no limit)
    /// for the body of a started <paramref name="worker"/> to end and its outcome to be recorded. The worker has
    /// already refused a wait from the thread that is running its body.
    /// </summary>
    /// <returns><see langword="true"/> if it has ended; <see langword="false"/> if the timeout passed first.</returns>
    public abstract bool Wait(NamedWorker worker, TimeSpan timeout);
}
