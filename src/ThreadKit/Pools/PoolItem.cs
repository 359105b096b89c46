using System.Threading;
using System.Threading.Tasks;

namespace ThreadKit;

/// <summary>
/// What waits in a pool's queue: a job with the execution context of the code that started it, or a task queued
/// through <see cref="WorkerPool.Scheduler"/>. A struct, so queueing allocates nothing of its own.
/// </summary>
internal readonly struct PoolItem
{
    public PoolItem(NamedWorker job, ExecutionContext? context)
    {
        Job = job;
        Context = context;
        Task = null;
    }

    public PoolItem(Task task)
    {
        Job = null;
        Context = null;
        Task = task;
    }

    public NamedWorker? Job { get; }

    public ExecutionContext? Context { get; }

    public Task? Task { get; }

    public bool IsEmpty => Job is null && Task is null;
}
