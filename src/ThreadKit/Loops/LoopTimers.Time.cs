using System;
using System.Diagnostics;
using System.Threading;

namespace ThreadKit;

// The loop's clock: timestamps and spans that saturate instead of overflowing, the provider's wake-up timer, and the
// spin of precise timers.
internal sealed partial class LoopTimers
{
    private long Now => _clock?.GetTimestamp() ?? Stopwatch.GetTimestamp();

    /// <summary>
    /// Has the provider's clock wake the pump when <paramref name="due"/> comes, in steps no longer than timers accept.
    /// Returns <see langword="false"/> when it came while the timer was being armed (a test moving a fake clock from
    /// another thread), so the caller runs it now.
    /// </summary>
    private bool ArmWakeTimer(long due)
    {
        lock (_lock)
        {
            _wakeTimer?.Dispose();
            var remaining = due - Now;
            if (remaining <= 0)
            {
                return false;
            }

            // Rounded up, so that a clock whose ticks are finer than TimeSpan's never wakes the pump before the run.
            var step = ToTimeSpan(remaining, roundUp: true);
            _wakeTimer = _clock!.CreateTimer(s_wake, _context, step < s_longestTimerStep ? step : s_longestTimerStep, Timeout.InfiniteTimeSpan);
            return due > Now;
        }
    }

    private long ToTimestamp(TimeSpan span)
    {
        var timestamps = span.Ticks * (double)_frequency / TimeSpan.TicksPerSecond;
        return timestamps >= Never ? Never : (long)timestamps;
    }

    private TimeSpan ToTimeSpan(long timestamps, bool roundUp = false)
    {
        var ticks = timestamps * (double)TimeSpan.TicksPerSecond / _frequency;
        if (roundUp)
        {
            ticks = Math.Ceiling(ticks);
        }

        return ticks >= TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue
            : ticks <= TimeSpan.MinValue.Ticks ? TimeSpan.MinValue
            : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Adds a non-negative <paramref name="span"/> to <paramref name="timestamp"/>, clamped to <see cref="Never"/>.</summary>
    internal static long AddSaturating(long timestamp, long span) => timestamp > Never - span ? Never : timestamp + span;

    private static void SpinUntil(long due)
    {
        var spinner = default(SpinWait);
        while (Stopwatch.GetTimestamp() < due)
        {
#if NET
            spinner.SpinOnce(sleep1Threshold: -1);
#else
            spinner.SpinOnce();
#endif
        }
    }
}
