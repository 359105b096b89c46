using System;
using System.Collections.Generic;
using System.Threading;

namespace ThreadKit;

/// <summary>
/// How a <see cref="WorkerLoop"/>'s thread is made, and how its schedules keep time, for
/// <see cref="WorkerLoop.Start(string?, WorkerLoopOptions)"/>. The thread options mean what they mean on a
/// <see cref="NamedWorker"/>, and are checked when set.
/// </summary>
public sealed class WorkerLoopOptions
{
    private int _stackSize;
    private ThreadPriority _priority = ThreadPriority.Normal;
    private int[]? _processorAffinity;

    /// <summary>Gets or sets the loop thread's maximum stack size, as <see cref="NamedWorker.StackSize"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, or between 0 and <see cref="NamedWorker.MinimumStackSize"/>.</exception>
    public int StackSize
    {
        get => _stackSize;
        set => _stackSize = Guard.StackSize(value);
    }

    /// <summary>Gets or sets the loop thread's priority, as <see cref="NamedWorker.Priority"/>, with a real effect on Linux.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="ThreadPriority"/>.</exception>
    public ThreadPriority Priority
    {
        get => _priority;
        set => _priority = Guard.Priority(value);
    }

    /// <summary>Gets or sets the CPUs the loop's thread may run on, as <see cref="NamedWorker.ProcessorAffinity"/>.</summary>
    /// <exception cref="ArgumentException">The list is empty, or names a CPU this process may not use.</exception>
    /// <exception cref="PlatformNotSupportedException">The platform cannot pin a thread to CPUs (macOS).</exception>
    public IReadOnlyList<int>? ProcessorAffinity
    {
        get => _processorAffinity is { } cpus ? [.. cpus] : null;
        set => _processorAffinity = value is null ? null : ThreadTuning.ValidateAffinity(value, "the loop options");
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
        worker.StackSize = _stackSize;
        worker.Priority = _priority;
        worker.ProcessorAffinity = _processorAffinity;
    }
}
