using System;
using System.Diagnostics;
using System.Threading;

namespace ThreadKit;

/// <summary>
/// What one loop or pool thread is doing: the item it runs now and a progress counter, written by the thread itself at
/// the start and end of every item, and sampled by the diagnostics. The thread never reads the clock for this: an
/// observer that sees the same counter twice knows the item has run at least since it first saw it, as Vert.x's
/// blocked-thread checker and Android's watchdog know it.
/// </summary>
internal sealed class ThreadActivity(ThreadOwner owner)
{
    private object? _callback;
    private object? _state;

    // Odd while an item runs, even between items; it only grows.
    private int _progress;

    // The observers' view, under ThreadWatch's lock: the progress value last seen running, when it was first seen,
    // and whether its stall was reported.
    private int _seenProgress = -1;
    private long _seenAt;
    private bool _stallReported;

    /// <summary>Gets the thread, set when <see cref="ThreadWatch"/> lists the activity; only listed activities are read.</summary>
    public Thread Thread { get; private set; } = null!;

    public ThreadOwner Owner { get; } = owner;

    public long NativeThreadId { get; private set; }

    /// <summary>Under ThreadWatch's lock, as it lists the activity.</summary>
    public void Bind(Thread thread) => Thread = thread;

    /// <summary>On the thread, as it starts: records the id that the operating system's tools show.</summary>
    public void OnThreadStarted() => NativeThreadId = NativeThread.GetCurrentThreadId();

    /// <summary>On the thread: an item starts. <paramref name="callback"/> and <paramref name="state"/> describe it.</summary>
    public void Begin(object callback, object? state)
    {
        _callback = callback;
        _state = state;
        Volatile.Write(ref _progress, _progress + 1);
    }

    /// <summary>On the thread: the item has ended; nothing of it is kept.</summary>
    public void End()
    {
        _callback = null;
        _state = null;
        Volatile.Write(ref _progress, _progress + 1);
    }

    /// <summary>Under ThreadWatch's lock: samples the thread at <paramref name="now"/>, a timestamp of its owner's clock.</summary>
    public Sample Observe(long now)
    {
        var progress = Volatile.Read(ref _progress);
        var callback = Volatile.Read(ref _callback);
        var state = Volatile.Read(ref _state);
        if ((progress & 1) == 0 || callback is null || Volatile.Read(ref _progress) != progress)
        {
            return default;
        }

        if (Owner.StallsOnlyWithQueuedWork && Owner.QueuedCount == 0)
        {
            // Nothing waits behind the item: not a stall, and its time counts from when something does.
            _seenProgress = -1;
            return default;
        }

        if (progress != _seenProgress)
        {
            _seenProgress = progress;
            _seenAt = now;
            _stallReported = false;
        }

        return new Sample(callback, state, TimeSpan.FromSeconds((now - _seenAt) / (double)Owner.TimestampFrequency));
    }

    /// <summary>Under ThreadWatch's lock: tells whether the item last observed should be reported now, and marks it reported.</summary>
    public bool TakeStall(TimeSpan elapsed)
    {
        var threshold = Owner.StallThreshold;
        if (_stallReported || threshold == Timeout.InfiniteTimeSpan || elapsed < threshold)
        {
            return false;
        }

        _stallReported = true;
        return true;
    }

    /// <summary>What the thread was running when sampled; <see cref="Callback"/> is <see langword="null"/> when idle.</summary>
    public readonly record struct Sample(object? Callback, object? State, TimeSpan Elapsed);
}
