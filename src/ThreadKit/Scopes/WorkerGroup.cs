using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ThreadKit;

/// <summary>
/// A scope for workers, like Rust's <c>thread::scope</c> and Java's <c>StructuredTaskScope</c>: no worker started in
/// the group outlives it, and the first fault stops the rest.
/// </summary>
/// <remarks>
/// <para>
/// Start workers with the <c>Start</c> overloads, which mirror <c>NamedWorker.Create</c>, or hand the group a worker
/// you created and configured yourself with <see cref="Start{TWorker}(TWorker)"/>. Wait for all of them with
/// <see cref="JoinAll"/> or <see cref="JoinAllAsync"/>.
/// </para>
/// <para>
/// When any worker faults, the group requests every worker in it to stop. <see cref="JoinAll"/> then throws one
/// <see cref="AggregateException"/> holding every fault, in start order. Workers that ended
/// <see cref="WorkerState.Canceled"/> are not faults.
/// </para>
/// <para>
/// <see cref="Dispose"/> requests stop and waits for every worker, so a <c>using</c> block guarantees that none is
/// left running after it.
/// </para>
/// <para>
/// A group keeps only what it still needs: its running workers, and the faulted ones that <see cref="JoinAll"/> has
/// yet to report. A worker that completes or is canceled leaves the group, so a group that lives as long as the
/// application, starting a worker per job, does not grow.
/// </para>
/// </remarks>
public sealed partial class WorkerGroup : IDisposable
{
    // Held while a worker is added and started, so that Dispose and RequestStop always see every worker that will
    // ever run. Thread creation happens under it, but it is this group's own lock, never a global one.
    private readonly object _gate = new();
    // Running workers and unreported faults, in start order; a worker that ends any other way is removed at its end.
    private readonly List<NamedWorker> _workers = [];
    private readonly CancellationTokenSource _stopSource = new();
    private readonly CancellationTokenRegistration _externalStopRegistration;

    // Where the group's workers run: a thread each, or, when the group was made with one, a pool's threads.
    private readonly WorkerPool? _pool;
    private bool _disposed;

    /// <summary>Initializes a new instance of the <see cref="WorkerGroup"/> class.</summary>
    /// <param name="name">An optional name for the group, used in fault messages, traces and metrics.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    public WorkerGroup(string? name = null)
        : this(name, CancellationToken.None)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="WorkerGroup"/> class whose stop an outside token can also request.</summary>
    /// <param name="name">An optional name for the group, used in fault messages, traces and metrics.</param>
    /// <param name="cancellationToken">An outside token that requests the whole group to stop.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    public WorkerGroup(string? name, CancellationToken cancellationToken)
    {
        Name = string.IsNullOrEmpty(Guard.WorkerName(name)) ? null : name;
        if (cancellationToken.CanBeCanceled)
        {
            _externalStopRegistration = cancellationToken.Register(
                static state => ((WorkerGroup)state!).RequestStop(),
                this,
                useSynchronizationContext: false);
        }
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="WorkerGroup"/> class whose workers run as jobs of
    /// <paramref name="pool"/>, on its reused threads, instead of a thread each: a scope for pooled jobs. Everything
    /// else about the group holds: a fault stops the others, <see cref="JoinAll"/> rethrows, <see cref="Dispose"/>
    /// stops and waits.
    /// </summary>
    /// <param name="name">An optional name for the group, used in fault messages, traces and metrics.</param>
    /// <param name="pool">The pool whose threads run the group's workers. A worker with a thread option set is refused, as the pool refuses it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="pool"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    public WorkerGroup(string? name, WorkerPool pool)
        : this(name, CancellationToken.None)
    {
        _pool = Guard.NotNull(pool);
    }

    /// <summary>Gets the group's name, or <see langword="null"/> if it has none.</summary>
    public string? Name { get; }

    /// <summary>
    /// Gets a snapshot, in start order, of the group's running workers and of the faulted workers whose faults
    /// <see cref="JoinAll"/> or <see cref="JoinAllAsync"/> has yet to report. Workers that completed or were canceled
    /// are no longer listed.
    /// </summary>
    public IReadOnlyList<NamedWorker> Workers
    {
        get
        {
            lock (_gate)
            {
                return _workers.ToArray();
            }
        }
    }

    /// <summary>Gets a value indicating whether the group has been asked to stop, by <see cref="RequestStop"/>, a fault, its outside token or <see cref="Dispose"/>.</summary>
    public bool IsStopRequested => _stopSource.IsCancellationRequested;

    /// <summary>Gets a token signalled when the group is asked to stop.</summary>
    public CancellationToken StopToken => _stopSource.Token;

    /// <summary>
    /// Adds a worker that was created and configured but not started, then starts it. Use this to give a group worker
    /// options such as <see cref="NamedWorker.StackSize"/> or <see cref="NamedWorker.IsBackground"/>.
    /// </summary>
    /// <typeparam name="TWorker">The worker's type, returned as is.</typeparam>
    /// <param name="worker">An unstarted worker that belongs to no other group.</param>
    /// <returns><paramref name="worker"/>, now running in this group.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="worker"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="worker"/> has already been started, or belongs to another group.</exception>
    /// <exception cref="ObjectDisposedException">The group, or <paramref name="worker"/>, has been disposed.</exception>
    /// <exception cref="ArgumentException">The group runs its workers on a pool, and <paramref name="worker"/> has a thread option set, which a reused thread cannot honour.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create the thread; the worker is not added to the group.</exception>
    public TWorker Start<TWorker>(TWorker worker)
        where TWorker : NamedWorker
    {
        Guard.NotNull(worker);
        lock (_gate)
        {
            ThrowIfDisposed();
            worker.AttachToGroup(this);
            if (_stopSource.IsCancellationRequested)
            {
                worker.RequestStop();
            }

            _workers.Add(worker);
            try
            {
                if (_pool is null)
                {
                    worker.Start();
                }
                else
                {
                    _pool.StartForGroup(worker);
                }
            }
            catch
            {
                _workers.Remove(worker);
                throw;
            }
        }

        return worker;
    }

    /// <summary>
    /// Requests every worker in the group, and every worker started in it later, to stop.
    /// </summary>
    /// <exception cref="AggregateException">A callback registered on a worker's stop token threw.</exception>
    public void RequestStop()
    {
        NamedWorker[] workers;
        lock (_gate)
        {
            if (_stopSource.IsCancellationRequested)
            {
                return;
            }

            _stopSource.Cancel();
            workers = [.. _workers];
        }

        List<Exception>? callbackFailures = null;
        foreach (var worker in workers)
        {
            try
            {
                worker.RequestStop();
            }
            catch (AggregateException ex)
            {
                (callbackFailures ??= []).AddRange(ex.InnerExceptions);
            }
        }

        if (callbackFailures is not null)
        {
            throw new AggregateException("One or more stop callbacks threw while the group was stopping.", callbackFailures);
        }
    }

    /// <summary>
    /// Blocks the calling thread until every worker in the group has ended, including workers started while it waits.
    /// </summary>
    /// <exception cref="AggregateException">
    /// One or more workers faulted. Its message names them; <see cref="AggregateException.InnerExceptions"/> holds
    /// their original exceptions, in start order.
    /// </exception>
    /// <exception cref="InvalidOperationException">The call comes from one of the group's own workers, which would wait for itself forever.</exception>
    public void JoinAll()
    {
        var current = NamedWorker.Current;
        if (current is not null && ReferenceEquals(current.Group, this))
        {
            throw new InvalidOperationException(
                $"Worker '{current.Name}' cannot join its own group: it would wait for itself forever. Join the group from a thread outside it.");
        }

        WaitForAll();
        ThrowIfAnyFaulted();
    }

    /// <summary>
    /// Returns a task that completes when every worker in the group has ended, including workers started while it
    /// waits, without blocking any thread.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait only; the workers keep running.</param>
    /// <returns>
    /// A task that is faulted with one <see cref="AggregateException"/>, the same one <see cref="JoinAll"/> throws,
    /// when one or more workers faulted.
    /// </returns>
    public async Task JoinAllAsync(CancellationToken cancellationToken = default)
    {
        var waited = new HashSet<NamedWorker>();
        while (NotWaitedYet(waited) is { Length: > 0 } pending)
        {
            waited.UnionWith(pending);
            var ends = pending.Select(static worker => worker.GetCompletionTask());
            var all = Task.WhenAll(ends);
            try
            {
                await all.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Worker faults are gathered below, all of them, not just the first.
            }
        }

        ThrowIfAnyFaulted();
    }

    /// <summary>
    /// Requests every worker to stop, then waits for all of them. Faults are not thrown; they stay in each worker's
    /// <see cref="NamedWorker.Exception"/>. After this returns, no worker of the group is running and none can be started.
    /// </summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        _externalStopRegistration.Dispose();
        try
        {
            RequestStop();
        }
        catch (AggregateException)
        {
            // Stop callbacks have run; their failures do not keep the group from being disposed.
        }

        WaitForAll();
    }

    internal void OnWorkerFinished(NamedWorker worker, WorkerState outcome)
    {
        if (outcome != WorkerState.Faulted)
        {
            lock (_gate)
            {
                _workers.Remove(worker);
            }

            return;
        }

        try
        {
            RequestStop();
        }
        catch (AggregateException)
        {
            // A sibling's stop callback threw; the fault that triggered the stop is what JoinAll reports.
        }
    }

    /// <summary>
    /// Waits for every worker of the group, including workers started while it waits. It waits on each listed worker
    /// whatever its state: one whose body has just ended is still finishing, and leaves the list only at its end.
    /// </summary>
    private void WaitForAll()
    {
        var waited = new HashSet<NamedWorker>();
        while (NotWaitedYet(waited) is { Length: > 0 } pending)
        {
            foreach (var worker in pending)
            {
                worker.WaitForEnd();
                waited.Add(worker);
            }
        }
    }

    private NamedWorker[] NotWaitedYet(HashSet<NamedWorker> waited)
    {
        lock (_gate)
        {
            return [.. _workers.Where(worker => !waited.Contains(worker))];
        }
    }

    /// <summary>Throws every fault not reported yet, in start order, and lets the group forget them.</summary>
    private void ThrowIfAnyFaulted()
    {
        List<NamedWorker> faulted;
        lock (_gate)
        {
            faulted = [.. _workers.Where(static worker => worker.State == WorkerState.Faulted)];
            foreach (var worker in faulted)
            {
                _workers.Remove(worker);
            }
        }

        if (faulted.Count == 0)
        {
            return;
        }

        var names = string.Join(", ", faulted.Select(static worker => "'" + worker.Name + "'"));
        var group = Name is null ? "the group" : $"group '{Name}'";
        var message = faulted.Count == 1
            ? $"Worker {names} in {group} faulted. Its exception is the inner exception."
            : $"{faulted.Count} workers in {group} faulted: {names}. Their exceptions are the inner exceptions, in start order.";
        throw new AggregateException(message, faulted.Select(static worker => worker.Exception!));
    }

    private void ThrowIfDisposed()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(
                nameof(WorkerGroup),
                $"{(Name is null ? "The group" : $"Group '{Name}'")} has been disposed; no more workers can be started in it. Create a new group.");
        }
    }
}
