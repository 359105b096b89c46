using System;
using System.Diagnostics;
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

    /// <summary>Waits for the body to end, without rethrowing its exception.</summary>
    internal void WaitForEnd()
    {
        if (!HasThread(WaitWhileStarting()))
        {
            return;
        }

        if (IsPooled)
        {
            if (!IsRunningOnCallingThread)
            {
                WaitForPooledEnd(Timeout.InfiniteTimeSpan);
            }
        }
        else if (!ReferenceEquals(_thread, Thread.CurrentThread))
        {
            _thread!.Join();
        }
    }

    private protected virtual object CreateJoinSource() =>
        new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

    private protected virtual Task GetJoinTask(object joinSource) => ((TaskCompletionSource<bool>)joinSource).Task;

    private protected virtual void CompleteJoinSource(object joinSource) =>
        CompleteJoinSource((TaskCompletionSource<bool>)joinSource, true);

    private protected virtual Task CreateFinishedJoinTask() => CreateFinishedJoinTask(true);

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

    private protected Task<T> CreateFinishedJoinTask<T>(T result)
    {
        var joinSource = new TaskCompletionSource<T>();
        CompleteJoinSource(joinSource, result);
        return joinSource.Task;
    }

    internal Task GetCompletionTask()
    {
        var joinSource = Volatile.Read(ref _joinSource);
        if (joinSource is null)
        {
            var created = CreateJoinSource();
            joinSource = Interlocked.CompareExchange(ref _joinSource, created, null) ?? created;
        }

        return ReferenceEquals(joinSource, s_finishedSentinel) ? CreateFinishedJoinTask() : GetJoinTask(joinSource);
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

    private static bool JoinThread(Thread thread, TimeSpan timeout)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            thread.Join();
            return true;
        }

        return WaitInSlices(thread, static (thread, slice) => thread.Join(slice), timeout);
    }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> with a wait that takes at most <see cref="int.MaxValue"/> milliseconds,
    /// as <see cref="Thread.Join(int)"/> and <see cref="Task.WaitAny(Task[], int)"/> do, so longer waits are made in slices.
    /// </summary>
    private static bool WaitInSlices<TState>(TState state, Func<TState, int, bool> wait, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)Math.Min(timeout.TotalSeconds * Stopwatch.Frequency, long.MaxValue / 2);
        while (true)
        {
            var remainingTicks = deadline - Stopwatch.GetTimestamp();
            var remainingMilliseconds = Math.Ceiling(remainingTicks * 1000.0 / Stopwatch.Frequency);
            var slice = (int)Math.Max(0, Math.Min(remainingMilliseconds, int.MaxValue - 1));
            if (wait(state, slice))
            {
                return true;
            }

            if (slice == 0 || Stopwatch.GetTimestamp() >= deadline)
            {
                return false;
            }
        }
    }

    private bool WaitUntilEnded(TimeSpan timeout)
    {
        if (!IsPooled)
        {
            return JoinThread(ThreadForJoin(), timeout);
        }

        EnsureStartedForJoin();
        if (IsRunningOnCallingThread)
        {
            ThrowSelfJoin();
        }

        return WaitForPooledEnd(timeout);
    }

    private void ThrowSelfJoin() => throw new InvalidOperationException(
        $"Worker '{_name}' cannot join itself: the call comes from the worker's own thread and would wait forever. Join it from another thread.");

    private Thread ThreadForJoin()
    {
        EnsureStartedForJoin();
        var thread = _thread!;
        if (ReferenceEquals(thread, Thread.CurrentThread))
        {
            ThrowSelfJoin();
        }

        return thread;
    }

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
