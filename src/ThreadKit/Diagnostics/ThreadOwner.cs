using System;
using System.Threading;

namespace ThreadKit;

/// <summary>
/// What the diagnostics need of a loop or a pool: its name and kind, its stall threshold, and the length of the queue
/// behind its threads. The loop or pool keeps one, and each of its threads points to it.
/// </summary>
/// <remarks>
/// A loop or pool made with a <see cref="WorkerThreadOptions.TimeProvider"/> times its items by that clock, so a test
/// can move a fake one past the threshold instead of waiting for it.
/// An async body's thread has one too, of kind <see cref="WorkerThreadKind.Worker"/>: its name is the worker's, its
/// queue the body's context, and it stalls only while work waits in that queue (<see cref="StallsOnlyWithQueuedWork"/>).
/// </remarks>
internal sealed class ThreadOwner(
    string name, WorkerThreadKind kind, TimeSpan stallThreshold, Func<int> queuedCount, string? group = null, TimeProvider? clock = null)
{
    private long _stallThresholdTicks = stallThreshold.Ticks;

    // On a custom clock, a timer of that clock wakes the watchdog every sample interval, so that a fake clock moved by
    // a test is sampled at once; the watchdog's own waits count real time. Guarded by ThreadWatch's lock.
    private ITimer? _sampleTimer;
    private int _listedThreads;

    /// <summary>Gets the clock the owner's items are timed by, or <see langword="null"/> for the <see cref="System.Diagnostics.Stopwatch"/>.</summary>
    public TimeProvider? Clock { get; } = clock;

    /// <summary>Gets a timestamp of the owner's clock; <paramref name="stopwatchNow"/> when it has none of its own.</summary>
    public long Now(long stopwatchNow) => Clock?.GetTimestamp() ?? stopwatchNow;

    /// <summary>Gets how many of the owner's timestamps make a second.</summary>
    public long TimestampFrequency => Clock?.TimestampFrequency ?? System.Diagnostics.Stopwatch.Frequency;

    /// <summary>Under ThreadWatch's lock: one of the owner's threads is listed.</summary>
    public void OnListed()
    {
        if (_listedThreads++ == 0 && Clock is { } clock)
        {
            _sampleTimer = clock.CreateTimer(static _ => StallWatchdog.Reschedule(), null, SampleInterval, SampleInterval);
        }
    }

    /// <summary>Under ThreadWatch's lock: one of the owner's threads has ended.</summary>
    public void OnUnlisted()
    {
        if (--_listedThreads == 0)
        {
            _sampleTimer?.Dispose();
            _sampleTimer = null;
        }
    }

    /// <summary>Under ThreadWatch's lock: the threshold changed, and with it the sample interval.</summary>
    public void Rearm() => _sampleTimer?.Change(SampleInterval, SampleInterval);

    private TimeSpan SampleInterval => IsWatched ? StallWatchdog.SampleInterval(StallThreshold) : Timeout.InfiniteTimeSpan;

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
            ThreadWatch.Resample(this);
        }
    }

    public bool IsWatched => StallThreshold != Timeout.InfiniteTimeSpan;
}
