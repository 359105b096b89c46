using System;
using System.Diagnostics;
using System.Threading;

namespace ThreadKit;

/// <summary>
/// Waits of any length. <see cref="Thread.Join(int)"/> and <see cref="Monitor.Wait(object, int)"/> take at most
/// <see cref="int.MaxValue"/> milliseconds, so a longer <see cref="TimeSpan"/> is waited in slices; and short spins for
/// hand-offs that usually complete within microseconds.
/// </summary>
internal static class Waits
{
    public static bool Join(Thread thread, TimeSpan timeout) =>
        Until(thread, static (thread, slice) => thread.Join(slice), timeout);

    /// <summary>
    /// Spins, without yielding the processor, until <paramref name="condition"/> holds or about
    /// <paramref name="microseconds"/> have passed; returns whether it holds. For hand-offs that usually complete within
    /// microseconds, where a kernel wait and wake-up would cost more than the spin. It never yields, so on a busy
    /// machine it gives up after the same short time instead of losing whole time slices to other threads.
    /// </summary>
    public static bool SpinBriefly<TState>(TState state, Func<TState, bool> condition, int microseconds)
    {
        if (condition(state))
        {
            return true;
        }

        var deadline = Stopwatch.GetTimestamp() + (microseconds * Stopwatch.Frequency / 1_000_000);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            // A look every few tens of nanoseconds, so that a hand-off is seen as it happens, and the clock (itself
            // some 35 ns) read once every 16 looks. Looks 0.6 us apart (SpinWait(20)) made a loop's round trip half as
            // slow again as Nito's AsyncContextThread.
            for (var i = 0; i < 16; i++)
            {
                Thread.SpinWait(1);
                if (condition(state))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// As <see cref="SpinBriefly"/>, but only while spinning has been paying off for this waiter (<paramref name="history"/>):
    /// returns at once, without spinning, when it has not, so that the caller blocks straight away.
    /// </summary>
    public static bool SpinIfWorthIt<TState>(ref SpinHistory history, TState state, Func<TState, bool> condition, int microseconds)
    {
        if (condition(state))
        {
            return true;
        }

        if (!history.ShouldSpin())
        {
            return false;
        }

        var found = SpinBriefly(state, condition, microseconds);
        history.Record(found);
        return found;
    }

    /// <summary>
    /// Calls <paramref name="wait"/> with a timeout in milliseconds (<see cref="Timeout.Infinite"/> when
    /// <paramref name="timeout"/> is <see cref="Timeout.InfiniteTimeSpan"/>) until it returns <see langword="true"/> or
    /// <paramref name="timeout"/> has passed, so that a wait that may return early (a monitor pulsed for someone else)
    /// or takes at most <see cref="int.MaxValue"/> milliseconds still waits the whole span.
    /// </summary>
    public static bool Until<TState>(TState state, Func<TState, int, bool> wait, TimeSpan timeout)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            while (!wait(state, Timeout.Infinite))
            {
            }

            return true;
        }

        var deadline = Stopwatch.GetTimestamp() + (long)Math.Min(timeout.TotalSeconds * Stopwatch.Frequency, long.MaxValue / 2);
        while (true)
        {
            var remainingTicks = deadline - Stopwatch.GetTimestamp();
            var remainingMilliseconds = Math.Ceiling(remainingTicks * 1000.0 / Stopwatch.Frequency);
            var slice = (int)Math.Max(0, Math.Min(remainingMilliseconds, int.MaxValue - 1));
            if (wait(state, slice))
            {
                return true;
            }

            if (slice == 0 || Stopwatch.GetTimestamp() >= deadline)
            {
                return false;
            }
        }
    }
}
