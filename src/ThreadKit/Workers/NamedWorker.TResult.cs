using System;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;

namespace ThreadKit;

/// <summary>
/// A <see cref="NamedWorker"/> whose body returns a value, like Rust's <c>JoinHandle&lt;T&gt;</c>: every join
/// returns it, or rethrows the exception that ended the body.
/// </summary>
/// <typeparam name="TResult">The type of the value the body returns.</typeparam>
/// <remarks>
/// Create one with a <c>NamedWorker.Create</c> overload that takes a <see cref="Func{TResult}"/>. The type is open
/// only for the library's own workers; it cannot be derived from outside this library.
/// </remarks>
public abstract class NamedWorker<TResult> : NamedWorker
{
    private TResult _result = default!;

    private protected NamedWorker(string? name, Delegate body, CancellationToken stopToken)
        : base(name, body, stopToken)
    {
    }

    /// <summary>
    /// Blocks the calling thread until the worker's body has ended, then returns its value or rethrows the exception
    /// that ended it.
    /// </summary>
    /// <returns>The value the body returned.</returns>
    /// <exception cref="InvalidOperationException">The worker has not been started, or the call comes from the worker's own thread.</exception>
    /// <exception cref="ObjectDisposedException">The worker was disposed without ever being started.</exception>
    /// <exception cref="Exception">The body's own exception, rethrown with its original stack trace.</exception>
    public new TResult Join()
    {
        base.Join();
        return _result;
    }

    /// <summary>
    /// Blocks the calling thread until the worker's body has ended or <paramref name="timeout"/> has passed, and
    /// gives the body's value if it has ended.
    /// </summary>
    /// <param name="timeout">How long to wait: zero to poll, <see cref="Timeout.InfiniteTimeSpan"/> to wait without limit.</param>
    /// <param name="result">The value the body returned, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> if the body has ended; <see langword="false"/> if the timeout passed first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    /// <exception cref="InvalidOperationException">The worker has not been started, or the call comes from the worker's own thread.</exception>
    /// <exception cref="ObjectDisposedException">The worker was disposed without ever being started.</exception>
    /// <exception cref="Exception">The body's own exception, rethrown with its original stack trace, once the body has ended.</exception>
    public bool Join(TimeSpan timeout, [MaybeNullWhen(false)] out TResult result)
    {
        if (!JoinWithTimeout(timeout))
        {
            result = default;
            return false;
        }

        ThrowIfEndedByException();
        result = _result;
        return true;
    }

    /// <summary>
    /// Returns a task that completes with the body's value when the worker's body has ended, without blocking any
    /// thread while it waits.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait only; the worker keeps running.</param>
    /// <returns>
    /// A task with the body's value, faulted with the body's own exception, or canceled when the worker ended
    /// <see cref="WorkerState.Canceled"/> or <paramref name="cancellationToken"/> fired first.
    /// </returns>
    /// <exception cref="InvalidOperationException">The worker has not been started.</exception>
    /// <exception cref="ObjectDisposedException">The worker was disposed without ever being started.</exception>
    public new Task<TResult> JoinAsync(CancellationToken cancellationToken = default)
    {
        EnsureStartedForJoin();
        return ((Task<TResult>)GetCompletionTask()).WaitAsync(cancellationToken);
    }

    private protected void SetResult(TResult result) => _result = result;

    private protected override object CreateJoinSource() =>
        new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);

    private protected override Task GetJoinTask(object joinSource) => ((TaskCompletionSource<TResult>)joinSource).Task;

    private protected override void CompleteJoinSource(object joinSource) =>
        CompleteJoinSource((TaskCompletionSource<TResult>)joinSource, _result);

    private protected override object CreateFinishedJoinSource() => CreateFinishedJoinSource(_result);
}
