using System;
using System.Threading;

namespace ThreadKit;

/// <summary>
/// What the diagnostics need of a loop or a pool: its name and kind, its stall threshold, and the length of the queue
/// behind its threads. The loop or pool keeps one, and each of its threads points to it.
/// </summary>
/// <remarks>
/// An async body's thread has one too, of kind <see cref="WorkerThreadKind.Worker"/>: its name is the worker's, its
/// queue the body's context, and it stalls only while work waits in that queue (<see cref="StallsOnlyWithQueuedWork"/>).
/// </remarks>
internal sealed class ThreadOwner(string name, WorkerThreadKind kind, TimeSpan stallThreshold, Func<int> queuedCount, string? group = null)
{
    private long _stallThresholdTicks = stallThreshold.Ticks;

    public string Name { get; } = name;

    public WorkerThreadKind Kind { get; } = kind;

    public int QueuedCount => queuedCount();

    /// <summary>Gets what a listing shows as the thread's owner: the loop or pool, or an async body's group.</summary>
    public string? ListedOwner => Kind == WorkerThreadKind.Worker ? group : Name;

    /// <summary>
    /// Gets a value indicating whether a long item counts as a stall only while work waits behind it: an async body
    /// may run as long as it likes, but not while its own continuations wait for it.
    /// </summary>
    public bool StallsOnlyWithQueuedWork => Kind == WorkerThreadKind.Worker;

    /// <summary>Gets or sets the threshold; <see cref="Timeout.InfiniteTimeSpan"/> turns the watchdog off for this owner.</summary>
    public TimeSpan StallThreshold
    {
        get => TimeSpan.FromTicks(Volatile.Read(ref _stallThresholdTicks));
        set
        {
            if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(value),
                    value,
                    $"The stall threshold of {(Kind == WorkerThreadKind.Loop ? "loop" : "pool")} '{Name}' must be positive, or Timeout.InfiniteTimeSpan to turn the watchdog off for it.");
            }

            Volatile.Write(ref _stallThresholdTicks, value.Ticks);
            StallWatchdog.Reschedule();
        }
    }

    public bool IsWatched => StallThreshold != Timeout.InfiniteTimeSpan;
}
