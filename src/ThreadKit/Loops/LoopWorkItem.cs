using System;
using System.Threading;
using System.Threading.Tasks;

namespace ThreadKit;

/// <summary>
/// One <c>InvokeAsync</c> call: the work, and the task that reports its outcome. It is its own completion source, so a
/// call allocates this object and its task, nothing more. Its token cancels it only while it is still queued.
/// </summary>
internal sealed class LoopWorkItem<TResult> : TaskCompletionSource<TResult>, IPumpWork, IDescribedWork
{
    private const int Pending = 0;
    private const int Started = 1;
    private const int Canceled = 2;

    private static readonly Action<Task, object?> s_completeFromTask =
        static (task, item) => ((LoopWorkItem<TResult>)item!).CompleteFrom(task);

    private readonly WorkerLoop _loop;
    private readonly CancellationToken _cancellationToken;
    private Delegate? _work;
    private readonly CancellationTokenRegistration _registration;
    private int _state;

    public LoopWorkItem(WorkerLoop loop, Delegate work, CancellationToken cancellationToken)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        _loop = loop;
        _work = work;
        _cancellationToken = cancellationToken;
        if (cancellationToken.IsCancellationRequested)
        {
            CancelIfPending();
        }
        else if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.Register(static item => ((LoopWorkItem<TResult>)item!).CancelIfPending(), this);
        }
    }

    /// <summary>Gets the user's delegate while the item waits or runs, so that a dump can name it.</summary>
    public Delegate? Work => Volatile.Read(ref _work);

    /// <summary>The loop refused the item: it never runs and its task is never handed out.</summary>
    public void Abandon()
    {
        _registration.Dispose();
        _work = null;
    }

    private void CancelIfPending()
    {
        if (Interlocked.CompareExchange(ref _state, Canceled, Pending) == Pending)
        {
            _work = null;
            TrySetCanceled(_cancellationToken);
        }
    }

    public void Run()
    {
        if (Interlocked.CompareExchange(ref _state, Started, Pending) != Pending)
        {
            return;
        }

        _registration.Dispose();
        var work = _work;
        try
        {
            switch (work)
            {
                case Func<TResult> func:
                    TrySetResult(func());
                    break;
                case Action action:
                    action();
                    TrySetResult(default!);
                    break;
                case Func<Task<TResult>> func:
                    Await(func());
                    break;
                default:
                    Await(((Func<Task>)work!)());
                    break;
            }
        }
        catch (OperationCanceledException canceled)
        {
            TrySetCanceled(canceled.CancellationToken);
        }
        catch (Exception ex)
        {
            TrySetException(ex);
        }
        finally
        {
            // Kept while the item runs, for a dump to name; dropped now, so that the task does not keep it alive.
            _work = null;
            WorkerTelemetry.LoopItemProcessed(_loop);
        }
    }

    /// <summary>Async work holds the loop open until its task completes, so that Complete never cuts it short.</summary>
    private void Await(Task? task)
    {
        if (task is null)
        {
            throw new InvalidOperationException(
                $"Work posted to loop '{_loop.Name}' returned a null Task. Return a task, such as Task.CompletedTask, or make the work async.");
        }

        _loop.Context.OperationStarted();
        task.ContinueWith(s_completeFromTask, this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void CompleteFrom(Task task)
    {
        try
        {
            if (task.IsFaulted)
            {
                TrySetException(task.Exception!.InnerExceptions);
            }
            else if (task.IsCanceled)
            {
                TrySetCanceled();
            }
            else
            {
                TrySetResult(task is Task<TResult> valued ? valued.Result : default!);
            }
        }
        finally
        {
            _loop.Context.OperationCompleted();
        }
    }
}
