#if !NET
using System.Threading;
using System.Threading.Tasks;

namespace ThreadKit;

/// <summary>
/// The netstandard2.0 stand-in for <c>Task.WaitAsync(CancellationToken)</c>, which .NET 6 added: a wait that stops
/// when the token fires, without touching the task being waited for.
/// </summary>
internal static class TaskExtensions
{
    public static Task WaitAsync(this Task task, CancellationToken cancellationToken) =>
        !cancellationToken.CanBeCanceled || task.IsCompleted ? task : WaitSlowAsync(task, cancellationToken);

    public static Task<T> WaitAsync<T>(this Task<T> task, CancellationToken cancellationToken) =>
        !cancellationToken.CanBeCanceled || task.IsCompleted ? task : WaitSlowAsync(task, cancellationToken);

    private static async Task WaitSlowAsync(Task task, CancellationToken cancellationToken)
    {
        await WhenCompletedOrCanceledAsync(task, cancellationToken).ConfigureAwait(false);
        await task.ConfigureAwait(false);
    }

    private static async Task<T> WaitSlowAsync<T>(Task<T> task, CancellationToken cancellationToken)
    {
        await WhenCompletedOrCanceledAsync(task, cancellationToken).ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }

    private static async Task WhenCompletedOrCanceledAsync(Task task, CancellationToken cancellationToken)
    {
        var canceled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), canceled))
        {
            if (await Task.WhenAny(task, canceled.Task).ConfigureAwait(false) != task)
            {
                throw new System.OperationCanceledException(cancellationToken);
            }
        }
    }
}
#endif
