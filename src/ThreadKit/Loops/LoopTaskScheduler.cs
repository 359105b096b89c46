using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ThreadKit;

/// <summary>The scheduler behind <see cref="WorkerLoop.Scheduler"/>: tasks run on the loop's thread, one at a time, in order.</summary>
internal sealed class LoopTaskScheduler : TaskScheduler
{
    private readonly WorkerLoop _loop;
    private readonly SendOrPostCallback _runTask;

    public LoopTaskScheduler(WorkerLoop loop)
    {
        _loop = loop;
        _runTask = task => TryExecuteTask((Task)task!);
    }

    public override int MaximumConcurrencyLevel => 1;

    protected override void QueueTask(Task task) => _loop.PostWork(_runTask, task);

    /// <summary>Inline only on the loop's own thread, where running now keeps the one-at-a-time order.</summary>
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        _loop.IsLoopThread && TryExecuteTask(task);

    /// <summary>The queue is shared with posted callbacks, which are not tasks, so it is not listed.</summary>
    protected override IEnumerable<Task>? GetScheduledTasks() => null;
}
