using System;
using System.Threading;

namespace ThreadKit;

/// <summary>
/// The runner of <see cref="NamedWorker.Start()"/>: a new dedicated thread per worker, made as the worker's options say,
/// named from the thread itself, and joined with <see cref="Thread.Join()"/>.
/// </summary>
internal sealed class ThreadRunner : WorkerRunner
{
    /// <summary>The runner of plain workers, whose threads are announced as <see cref="WorkerThreadKind.Worker"/>.</summary>
    public static readonly ThreadRunner Instance = new(WorkerThreadKind.Worker);

    /// <summary>The runner of a loop's worker, whose thread is announced as <see cref="WorkerThreadKind.Loop"/>.</summary>
    public static readonly ThreadRunner ForLoops = new(WorkerThreadKind.Loop);

    // The thread pins itself and sets its own nice value, before the body, only when the worker asks for either.
    private static readonly Action<NamedWorker> s_tune =
        static worker => ThreadTuning.Apply(worker.OwnThread, worker.Name);

    private readonly WorkerThreadKind _kind;
    private readonly ParameterizedThreadStart _run;

    private ThreadRunner(WorkerThreadKind kind)
    {
        _kind = kind;
        _run = state => Run((NamedWorker)state!);
    }

    public override WorkerThreadKind Kind => _kind;

    public override void Start(NamedWorker worker)
    {
        var flowExecutionContext = worker.FlowExecutionContext;
        if (!flowExecutionContext)
        {
            worker.CaptureParentActivityForUnflowedStart();
        }

        var spec = worker.OwnThread;
        var thread = ThreadFactory.Create(_run, spec, worker.IsBackground);
        worker.BindThread(thread, thread.ManagedThreadId);
        try
        {
            ThreadFactory.Start(thread, worker, flowExecutionContext);
        }
        catch (OutOfMemoryException ex)
        {
            var stack = spec.StackSize > 0 ? spec.StackSize + " bytes" : "the platform default";
            throw new OutOfMemoryException(
                $"The operating system could not create a thread for worker '{worker.Name}' (stack size: {stack}). Lower StackSize or the number of live threads, then call Start again.",
                ex);
        }
    }

    public override bool Wait(NamedWorker worker, TimeSpan timeout)
    {
        var thread = worker.Thread!;

        // The worker's own thread, still finishing after its body ended (a group's stop callback, say), has nothing
        // left to wait for; Thread.Join on itself would never return.
        return ReferenceEquals(thread, Thread.CurrentThread) || Waits.Join(thread, timeout);
    }

    private void Run(NamedWorker worker)
    {
        // Naming from the new thread itself is one prctl on Linux, where a name set before Start costs the starting
        // thread an open/write/close of /proc/self/task/<tid>/comm. It goes through the worker's Thread, not
        // Thread.CurrentThread: the first thread-static access on a new thread allocates that thread's static storage,
        // 136 bytes per worker.
        var thread = worker.Thread!;
        ThreadNaming.Name(thread, worker.Name);
        var nativeId = NativeThread.GetCurrentThreadId();
        worker.ReportNativeThreadId(nativeId);
        var log = ThreadKitEventSource.Log;
        if (log.IsEnabled())
        {
            log.ThreadStarted(worker.Name, _kind, thread.ManagedThreadId, nativeId);
        }

        worker.Run(worker.OwnThread.NeedsTuning ? s_tune : null);
        if (log.IsEnabled())
        {
            log.ThreadStopped(worker.Name, _kind, thread.ManagedThreadId, nativeId);
        }
    }
}
