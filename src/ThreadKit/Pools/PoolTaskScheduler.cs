using System.Collections.Generic;
using System.Threading.Tasks;

namespace ThreadKit;

/// <summary>The scheduler behind <see cref="WorkerPool.Scheduler"/>: tasks share the pool's queue and threads with its jobs.</summary>
internal sealed class PoolTaskScheduler(WorkerPool pool) : TaskScheduler
{
    public override int MaximumConcurrencyLevel => pool.MaxThreads;

    public void Run(Task task) => TryExecuteTask(task);

    protected override void QueueTask(Task task) => pool.Enqueue(new PoolItem(task));

    /// <summary>Inline only on one of the pool's own threads, which is already counted against its limit.</summary>
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        !taskWasPreviouslyQueued && pool.IsPoolThread && TryExecuteTask(task);

    /// <summary>The queue is shared with jobs, which are not tasks, so it is not listed.</summary>
    protected override IEnumerable<Task>? GetScheduledTasks() => null;
}
