using System;
using System.Threading;
using System.Threading.Tasks;

namespace ThreadKit;

// Handing work to the loop: fire and forget, a task for the result, or a blocking call.
public sealed partial class WorkerLoop
{
    /// <summary>
    /// Queues <paramref name="action"/> to run on the loop's thread and returns at once. An exception it throws has
    /// no task to go to: it is reported through <see cref="NamedWorker.UnhandledException"/>, with <see cref="Worker"/>
    /// as the worker, and the loop serves on.
    /// </summary>
    /// <param name="action">The work to run.</param>
    /// <exception cref="ArgumentNullException"><paramref name="action"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The loop has been completed.</exception>
    /// <exception cref="ObjectDisposedException">The loop has been disposed.</exception>
    public void Post(Action action)
    {
        Guard.NotNull(action);
        PostWork(_runPosted, action);
    }

    /// <summary>Runs <paramref name="action"/> on the loop's thread and returns a task for its end.</summary>
    /// <param name="action">The work to run.</param>
    /// <param name="cancellationToken">Cancels the work if it has not started yet.</param>
    /// <returns>A task that completes when the work has run, faulted with its exception, or canceled.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="action"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The loop has been completed.</exception>
    /// <exception cref="ObjectDisposedException">The loop has been disposed.</exception>
    public Task InvokeAsync(Action action, CancellationToken cancellationToken = default) =>
        Submit(new LoopWorkItem<bool>(this, Guard.NotNull(action), cancellationToken));

    /// <summary>Runs <paramref name="func"/> on the loop's thread and returns a task for its value.</summary>
    /// <typeparam name="TResult">The type of the value.</typeparam>
    /// <param name="func">The work to run.</param>
    /// <param name="cancellationToken">Cancels the work if it has not started yet.</param>
    /// <returns>A task with the work's value, faulted with its exception, or canceled.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="func"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The loop has been completed.</exception>
    /// <exception cref="ObjectDisposedException">The loop has been disposed.</exception>
    public Task<TResult> InvokeAsync<TResult>(Func<TResult> func, CancellationToken cancellationToken = default) =>
        Submit(new LoopWorkItem<TResult>(this, Guard.NotNull(func), cancellationToken));

    /// <summary>
    /// Runs the asynchronous <paramref name="func"/> on the loop's thread, where it resumes after every await, and
    /// returns a task for its end. The loop does not end before it has.
    /// </summary>
    /// <param name="func">The asynchronous work to run.</param>
    /// <param name="cancellationToken">Cancels the work if it has not started yet.</param>
    /// <returns>A task that completes when the work's own task has, with its outcome.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="func"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The loop has been completed.</exception>
    /// <exception cref="ObjectDisposedException">The loop has been disposed.</exception>
    public Task InvokeAsync(Func<Task> func, CancellationToken cancellationToken = default) =>
        Submit(new LoopWorkItem<bool>(this, Guard.NotNull(func), cancellationToken));

    /// <summary>
    /// Runs the asynchronous <paramref name="func"/> on the loop's thread, where it resumes after every await, and
    /// returns a task for its value. The loop does not end before it has.
    /// </summary>
    /// <typeparam name="TResult">The type of the value.</typeparam>
    /// <param name="func">The asynchronous work to run.</param>
    /// <param name="cancellationToken">Cancels the work if it has not started yet.</param>
    /// <returns>A task with the value of the work's own task, or its fault or cancellation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="func"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The loop has been completed.</exception>
    /// <exception cref="ObjectDisposedException">The loop has been disposed.</exception>
    public Task<TResult> InvokeAsync<TResult>(Func<Task<TResult>> func, CancellationToken cancellationToken = default) =>
        Submit(new LoopWorkItem<TResult>(this, Guard.NotNull(func), cancellationToken));

    /// <summary>
    /// Runs <paramref name="action"/> on the loop's thread and blocks until it has run. Called on the loop's own
    /// thread, it runs inline, so it never deadlocks.
    /// </summary>
    /// <param name="action">The work to run.</param>
    /// <exception cref="ArgumentNullException"><paramref name="action"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The loop has been completed.</exception>
    /// <exception cref="ObjectDisposedException">The loop has been disposed.</exception>
    /// <exception cref="Exception">The work's own exception, rethrown with its original type and stack trace.</exception>
    public void Invoke(Action action)
    {
        Guard.NotNull(action);
        if (IsLoopThread)
        {
            action();
            return;
        }

        InvokeAsync(action).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Runs <paramref name="func"/> on the loop's thread, blocks until it has run, and returns its value. Called on
    /// the loop's own thread, it runs inline, so it never deadlocks.
    /// </summary>
    /// <typeparam name="TResult">The type of the value.</typeparam>
    /// <param name="func">The work to run.</param>
    /// <returns>The work's value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="func"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The loop has been completed.</exception>
    /// <exception cref="ObjectDisposedException">The loop has been disposed.</exception>
    /// <exception cref="Exception">The work's own exception, rethrown with its original type and stack trace.</exception>
    public TResult Invoke<TResult>(Func<TResult> func)
    {
        Guard.NotNull(func);
        return IsLoopThread ? func() : InvokeAsync(func).GetAwaiter().GetResult();
    }

    /// <summary>Queues new work on the loop, or refuses it once the loop has been completed.</summary>
    internal void PostWork(SendOrPostCallback run, object state)
    {
        if (!_context.TryPostWork(run, state))
        {
            throw RefusalError();
        }
    }

    private void RunPosted(object? action)
    {
        try
        {
            ((Action)action!)();
        }
        finally
        {
            WorkerTelemetry.LoopItemProcessed(this);
        }
    }

    private Task<TResult> Submit<TResult>(LoopWorkItem<TResult> item)
    {
        if (item.Task.IsCanceled)
        {
            return item.Task;
        }

        if (!_context.TryPostWork(item))
        {
            item.Abandon();
            throw RefusalError();
        }

        return item.Task;
    }
}
