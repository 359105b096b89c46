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
    /// Gets or sets the clock the loop's schedules keep time by; <see langword="null"/>, the default, is the system's
    /// monotonic clock, which the loop waits on itself for precise timing. Give a fake one (such as
    /// <c>FakeTimeProvider</c>) to test timed work without waiting.
    /// </summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the loop spins through the last millisecond before each scheduled run,
    /// instead of sleeping through it. Sleeping (the default) starts a run about a tenth of a millisecond late, and
    /// later when the kernel is slow to wake the thread; spinning brings that to microseconds, at the cost of up to a
    /// millisecond of one core's time per run (all of it, at a 1 ms period). It applies to the system clock only.
    /// </summary>
    public bool PreciseTimers { get; set; }

    internal void ApplyTo(NamedWorker worker)
    {
        worker.StackSize = StackSize;
        worker.Priority = Priority;
        worker.ProcessorAffinity = Affinity;
    }
}
