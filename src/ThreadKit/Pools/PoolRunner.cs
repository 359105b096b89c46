using System;
using System.Threading;

namespace ThreadKit;

/// <summary>
/// The runner of a <see cref="WorkerPool"/>'s jobs. A job's path goes one way: the pool starts it here, this runner
/// queues it in the pool, a pool thread hands it back here, and this runner names the thread after the job and runs the
/// job's body under its starter's execution context; the pool thread takes its own name back before it next blocks.
/// </summary>
internal sealed class PoolRunner(WorkerPool pool) : WorkerRunner
{
    private static readonly ContextCallback s_run = static job => ((NamedWorker)job!).Run();

    public override WorkerThreadKind Kind => WorkerThreadKind.Pool;

    /// <summary>
    /// Queues the job with its starter's execution context, as the .NET thread pool does with its work. A worker that
    /// asks for a thread of its own is refused: the pool's threads are made once, by its options, and reused.
    /// </summary>
    public override void Start(NamedWorker worker)
    {
        if (worker.OwnThreadOption is { } option)
        {
            throw new ArgumentException(
                $"Worker '{worker.Name}' has {option} set, which applies only to a thread of its own; pool '{pool.Name}' reuses its threads, made as its WorkerPoolOptions say. Leave {option} at its default, or start the worker on a thread of its own.",
                nameof(worker));
        }

        worker.ListAsQueued();
        pool.Enqueue(new PoolItem(worker, ExecutionContext.Capture()));
    }

    public override bool Wait(NamedWorker worker, TimeSpan timeout) => pool.WaitForJob(worker, timeout);

    /// <summary>Runs <paramref name="item"/>'s job on the calling thread, one of the pool's, named <paramref name="threadName"/>.</summary>
    public static void Run(Thread thread, string threadName, long nativeThreadId, in PoolItem item)
    {
        var job = item.Job!;
        var managedThreadId = Environment.CurrentManagedThreadId;
        job.BindThread(thread, managedThreadId);
        job.ReportNativeThreadId(nativeThreadId);
        ThreadNaming.Name(thread, job.Name);
        ThreadKitEventSource.Log.JobStarted(job.Name, threadName, managedThreadId, nativeThreadId);
        if (item.Context is { } context)
        {
            ExecutionContext.Run(context, s_run, job);
        }
        else
        {
            job.Run();
        }

        // The thread takes its own name back only before it blocks (PoolThread.WaitIdle): a next job of the same name,
        // handed over while it spins, then costs no rename at all.
        ThreadKitEventSource.Log.JobEnded(job.Name, threadName, managedThreadId, nativeThreadId);
    }
}
