using System;

namespace ThreadKit;

/// <summary>
/// Timed work that a pump runs on its own thread between posted items: a loop's schedules. The pump asks it to run
/// whatever is due, and blocks for at most the time it returns.
/// </summary>
internal abstract class PumpTimers
{
    /// <summary>
    /// On the pump's thread: runs every run that is due now, each reported to <paramref name="activity"/>, with its
    /// exception handed to <paramref name="onFault"/>. Returns how long the pump may block before the next run is due:
    /// a positive span, or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> when nothing is scheduled or the
    /// clock will wake the pump itself.
    /// </summary>
    public abstract TimeSpan RunDue(ThreadActivity? activity, Action<Exception> onFault);
}
