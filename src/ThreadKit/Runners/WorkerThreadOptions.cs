using System;
using System.Collections.Generic;
using System.Threading;

namespace ThreadKit;

/// <summary>
/// How a thread that ThreadKit makes for a loop or a pool is made: its stack size, its priority and the CPUs it may run
/// on. Each option means what it means on a <see cref="NamedWorker"/>, and is checked when set.
/// </summary>
/// <remarks>Use <see cref="WorkerLoopOptions"/> or <see cref="WorkerPoolOptions"/>; the type cannot be derived from outside this library.</remarks>
public abstract class WorkerThreadOptions
{
    private readonly string _owner;
    private int _stackSize;
    private ThreadPriority _priority = ThreadPriority.Normal;
    private int[]? _processorAffinity;

    private protected WorkerThreadOptions(string owner) => _owner = owner;

    /// <summary>Gets or sets the thread's maximum stack size, as <see cref="NamedWorker.StackSize"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, or between 0 and <see cref="NamedWorker.MinimumStackSize"/>.</exception>
    public int StackSize
    {
        get => _stackSize;
        set => _stackSize = Guard.StackSize(value);
    }

    /// <summary>Gets or sets the thread's priority, as <see cref="NamedWorker.Priority"/>, with a real effect on Linux.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="ThreadPriority"/>.</exception>
    public ThreadPriority Priority
    {
        get => _priority;
        set => _priority = Guard.Priority(value);
    }

    /// <summary>Gets or sets the CPUs the thread may run on, as <see cref="NamedWorker.ProcessorAffinity"/>.</summary>
    /// <exception cref="ArgumentException">The list is empty, or names a CPU this process may not use.</exception>
    /// <exception cref="PlatformNotSupportedException">The platform cannot pin a thread to CPUs (macOS).</exception>
    public IReadOnlyList<int>? ProcessorAffinity
    {
        get => _processorAffinity is { } cpus ? [.. cpus] : null;
        set => _processorAffinity = value is null ? null : ThreadTuning.ValidateAffinity(value, _owner);
    }

    /// <summary>
    /// Gets or sets the clock that ThreadKit keeps this loop's or pool's time by: a loop's schedules, a pool's idle
    /// timeout, and the stall watchdog's measure of how long an item has run. <see langword="null"/>, the default, is
    /// the system's monotonic clock, which a loop waits on itself for precise timing. Give a fake one (such as
    /// <c>FakeTimeProvider</c>) to test timed behaviour without waiting.
    /// </summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Gets what the options say about the thread, fixed at this moment, for <see cref="ThreadFactory"/>.</summary>
    internal ThreadSpec Spec => new(_stackSize, _priority, _processorAffinity);

    /// <summary>Gets the clock to keep time by, or <see langword="null"/> for the system's monotonic clock, waited on directly.</summary>
    internal TimeProvider? CustomClock => Clocks.CustomOrNull(TimeProvider);
}
