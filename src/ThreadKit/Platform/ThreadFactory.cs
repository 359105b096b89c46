using System.Threading;

namespace ThreadKit;

/// <summary>
/// The one place ThreadKit makes an operating-system thread, as Java's <c>ThreadFactory</c> is for its executors:
/// every worker's, pool's and loop's thread, and the watchdog's, is constructed and started here. Each thread then
/// names itself (<see cref="ThreadNaming"/>) and tunes itself (<see cref="ThreadTuning"/>) as it begins, since Linux
/// applies both per thread, from the thread.
/// </summary>
internal static class ThreadFactory
{
    /// <summary>Constructs a thread that will run <paramref name="run"/>; it is started by <see cref="Start"/>.</summary>
    /// <param name="run">What the thread runs, with the state given to <see cref="Start"/>.</param>
    /// <param name="spec">How it is made: its stack size, and its priority, which Windows applies from here (Linux's is set by the thread itself).</param>
    /// <param name="isBackground">Whether it leaves the process free to exit while it runs.</param>
    public static Thread Create(ParameterizedThreadStart run, ThreadSpec spec, bool isBackground)
    {
        var thread = new Thread(run, spec.StackSize);
        if (isBackground)
        {
            thread.IsBackground = true;
        }

        if (spec.Priority != ThreadPriority.Normal)
        {
            thread.Priority = spec.Priority;
        }

        return thread;
    }

    /// <summary>
    /// Starts <paramref name="thread"/> with <paramref name="state"/>: under the caller's execution context, or, when
    /// <paramref name="flowExecutionContext"/> is <see langword="false"/>, under none, as
    /// <c>Thread.UnsafeStart</c> does, also when the caller has already suppressed the flow.
    /// </summary>
    public static void Start(Thread thread, object? state, bool flowExecutionContext)
    {
        if (flowExecutionContext)
        {
            thread.Start(state);
            return;
        }

#if NET
        thread.UnsafeStart(state);
#else
        // SuppressFlow throws when the flow is suppressed already; then there is nothing to suppress.
        if (ExecutionContext.IsFlowSuppressed())
        {
            thread.Start(state);
            return;
        }

        using (ExecutionContext.SuppressFlow())
        {
            thread.Start(state);
        }
#endif
    }
}
