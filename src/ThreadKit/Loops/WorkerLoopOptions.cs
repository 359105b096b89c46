using System;

namespace ThreadKit;

/// <summary>
/// How a <see cref="WorkerLoop"/>'s thread is made, and how its schedules keep time, for
/// <see cref="WorkerLoop.Start(string?, WorkerLoopOptions)"/>.
/// </summary>
public sealed class WorkerLoopOptions : WorkerThreadOptions
{
    /// <summary>Initializes a new instance of the <see cref="WorkerLoopOptions"/> class, with every option at its default.</summary>
    public WorkerLoopOptions()
        : base("the loop options")
    {
    }

    /// <summary>
    /// Gets or sets a value indicating whether the loop spins through the last 100 µs before each scheduled run,
    /// instead of sleeping through them. Sleeping (the default) starts a run some tens of microseconds late, and later
    /// when the kernel is slow to wake the thread; spinning the last stretch brings that to microseconds, at the cost
    /// of up to 100 µs of one core's time per run (a tenth of it at a 1 ms period). It applies to the system clock only.
    /// </summary>
    public bool PreciseTimers { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether <see cref="WorkerLoop.Complete"/> and <see cref="WorkerLoop.Dispose"/>
    /// cancel one-shot work scheduled with <see cref="O:ThreadKit.WorkerLoop.Schedule">Schedule</see> that has not
    /// started yet, instead of letting the loop wait for it, as Java's
    /// <c>setExecuteExistingDelayedTasksAfterShutdownPolicy(false)</c> does. <see langword="false"/>, the default, runs
    /// it at its time, and the loop ends after it. Periodic work is canceled at <see cref="WorkerLoop.Complete"/>
    /// either way, and posted work always runs.
    /// </summary>
    public bool CancelScheduledWorkOnComplete { get; set; }
}
