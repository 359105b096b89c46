using System.Threading;

namespace ThreadKit;

/// <summary>
/// How one thread is made and tuned: its stack size, its priority and the CPUs it may run on. What runs a worker owns
/// it: a loop's and a pool's come from their <see cref="WorkerThreadOptions"/>, a worker's own thread from the option
/// properties a <see cref="NamedWorker"/> has carried since 1.0. <see cref="ThreadFactory"/> makes threads from it, and
/// each thread tunes itself from it (<see cref="ThreadTuning"/>).
/// </summary>
/// <param name="StackSize">The maximum stack size in bytes; 0 for the platform's default.</param>
/// <param name="Priority">The priority, which Windows applies at creation and Linux as a nice value set by the thread itself.</param>
/// <param name="Affinity">The CPUs, already checked; <see langword="null"/> to inherit the process's.</param>
internal sealed record ThreadSpec(int StackSize, ThreadPriority Priority, int[]? Affinity)
{
    /// <summary>Gets the platform's default thread, which needs no tuning.</summary>
    public static ThreadSpec Default { get; } = new(0, ThreadPriority.Normal, null);

    /// <summary>Gets a value indicating whether the thread must tune itself before it runs anything.</summary>
    public bool NeedsTuning => Priority != ThreadPriority.Normal || Affinity is not null;
}
