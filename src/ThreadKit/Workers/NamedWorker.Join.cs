using System;
using System.Threading;
using System.Threading.Tasks;

namespace ThreadKit;

// Joins, blocking and asynchronous, and the lazily created completion source behind JoinAsync.
public abstract partial class NamedWorker
{
    /// <summary>
    /// Blocks the calling thread until the worker's body has ended, then rethrows the exception that ended it, if any.
    /// </summary>
    /// <remarks>
    /// Safe to call from many threads at once and any number of times. When it returns, <see cref="IsAlive"/> is
    /// <see langword="false"/> and <see cref="State"/> is final.
    /// </remarks>
    /// <exception cref="InvalidOperationException">
    /// The worker has not been started, or <see cref="Join()"/> was called from the worker's own thread, where a raw
    /// <see cref="Thread.Join()"/> would wait forever.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The worker was disposed without ever being started.</exception>
    /// <exception cref="Exception">The body's own exception, rethrown with its original stack trace.</exception>
    public void Join()
    {
        WaitUntilEnded(Timeout.InfiniteTimeSpan);
        ThrowIfEndedByException();
    }

    /// <summary>
    /// Blocks the calling thread until the worker's body has ended or <paramref name="timeout"/> has passed. If the
    /// body has ended, rethrows the exception that ended it, if any.
    /// </summary>
    /// <param name="timeout">
    /// How long to wait: zero to poll, <see cref="Timeout.InfiniteTimeSpan"/> to wait without limit. Spans longer than
    /// <see cref="int.MaxValue"/> milliseconds are honoured in full.
    /// </param>
    /// <returns><see langword="true"/> if the body has ended; <see langword="false"/> if the timeout passed first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    /// <exception cref="InvalidOperationException">The worker has not been started, or the call comes from the worker's own thread.</exception>
    /// <exception cref="ObjectDisposedException">The worker was disposed without ever being started.</exception>
    /// <exception cref="Exception">The body's own exception, rethrown with its original stack trace, once the body has ended.</exception>
    public bool Join(TimeSpan timeout)
    {
        Guard.Timeout(timeout);
        if (!WaitUntilEnded(timeout))
        {
            return false;
        }

        ThrowIfEndedByException();
        return true;
    }

    /// <summary>
    /// Returns a task that completes when the worker's body has ended, without blocking any thread while it waits.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait only; the worker keeps running.</param>
    /// <returns>
    /// A task that succeeds when the body returns, is faulted with the body's own exception (so <c>await</c> throws
    /// its original type), or is canceled when the worker ended <see cref="WorkerState.Canceled"/> or
    /// <paramref name="cancellationToken"/> fired first.
    /// </returns>
    /// <exception cref="InvalidOperationException">The worker has not been started.</exception>
    /// <exception cref="ObjectDisposedException">The worker was disposed without ever being started.</exception>
    public Task JoinAsync(CancellationToken cancellationToken = default)
    {
        EnsureStartedForJoin();
        return GetCompletionTask().WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Waits for the body to end, without rethrowing its exception. Called on the thread running the body, it returns
    /// at once, since that thread cannot wait for itself.
    /// </summary>
    internal void WaitForEnd()
    {
        if (HasThread(WaitWhileStarting()) && !IsOnOwnThread())
        {
            _runner!.Wait(this, Timeout.InfiniteTimeSpan);
        }
    }

    private protected virtual object CreateJoinSource() =>
        new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

    private protected virtual Task GetJoinTask(object joinSource) => ((TaskCompletionSource<bool>)joinSource).Task;

    private protected virtual void CompleteJoinSource(object joinSource) =>
        CompleteJoinSource((TaskCompletionSource<bool>)joinSource, true);

    private protected virtual object CreateFinishedJoinSource() => CreateFinishedJoinSource(true);

    private protected void CompleteJoinSource<T>(TaskCompletionSource<T> joinSource, T result)
    {
        var outcome = Volatile.Read(ref _outcomeException)?.SourceException;
        switch (outcome)
        {
            case null:
                joinSource.TrySetResult(result);
                break;
            case OperationCanceledException canceled when State == WorkerState.Canceled:
                joinSource.TrySetCanceled(canceled.CancellationToken);
                break;
            default:
                joinSource.TrySetException(outcome);
                break;
        }
    }

    private protected TaskCompletionSource<T> CreateFinishedJoinSource<T>(T result)
    {
        var joinSource = new TaskCompletionSource<T>();
        CompleteJoinSource(joinSource, result);
        return joinSource;
    }

    /// <summary>
    /// Gets a value indicating whether the worker has finished: its outcome is recorded and everything its end reports
    /// (telemetry, its group) has run. A runner may wait on this instead of <see cref="GetCompletionTask"/>, which
    /// allocates.
    /// </summary>
    internal bool IsFinished =>
        Volatile.Read(ref _joinSource) is { } joinSource
        && (ReferenceEquals(joinSource, s_finishedSentinel) || GetJoinTask(joinSource).IsCompleted);

    /// <summary>
    /// Gets the task that completes when the worker has finished: the same task on every call, before and after the
    /// end. A worker that nobody awaited before its end gets an already completed one on first request.
    /// </summary>
    internal Task GetCompletionTask()
    {
        var joinSource = Volatile.Read(ref _joinSource);
        while (joinSource is null || ReferenceEquals(joinSource, s_finishedSentinel))
        {
            var expected = joinSource;
            var created = expected is null ? CreateJoinSource() : CreateFinishedJoinSource();
            joinSource = Interlocked.CompareExchange(ref _joinSource, created, expected);
            if (ReferenceEquals(joinSource, expected))
            {
                joinSource = created;
            }
        }

        return GetJoinTask(joinSource);
    }

    private protected void EnsureStartedForJoin()
    {
        if (!HasThread(WaitWhileStarting()))
        {
            ThrowNotStarted();
        }
    }

    private protected bool JoinWithTimeout(TimeSpan timeout)
    {
        Guard.Timeout(timeout);
        return WaitUntilEnded(timeout);
    }

    private protected void ThrowIfEndedByException() => Volatile.Read(ref _outcomeException)?.Throw();

    private bool WaitUntilEnded(TimeSpan timeout)
    {
        EnsureStartedForJoin();
        if (IsOnOwnThread())
        {
            ThrowSelfJoin();
        }

        return _runner!.Wait(this, timeout);
    }

    /// <summary>
    /// Tells whether the calling thread is running this worker's body now. A pool thread that ran this job earlier
    /// and now runs another may join it: that is not a self-join.
    /// </summary>
    private bool IsOnOwnThread() =>
        ReferenceEquals(Volatile.Read(ref _thread), Thread.CurrentThread) && !HasEnded(Volatile.Read(ref _state));

    private void ThrowSelfJoin() => throw new InvalidOperationException(
        $"Worker '{_name}' cannot join itself: the call comes from the worker's own thread and would wait forever. Join it from another thread.");

    private void ThrowNotStarted()
    {
        if ((Volatile.Read(ref _state) & FlagDisposed) != 0)
        {
            throw new ObjectDisposedException(
                nameof(NamedWorker),
                $"Worker '{_name}' was disposed without being started, so there is nothing to join.");
        }

        throw new InvalidOperationException($"Worker '{_name}' has not been started. Call Start before joining it.");
    }
}
