using System;

namespace ThreadKit;

/// <summary>The one rule for the clocks that options take: the system's is waited on directly, any other through its timers.</summary>
internal static class Clocks
{
    /// <summary>
    /// Returns <paramref name="clock"/> when it is a clock of its own (a fake one, in tests), or <see langword="null"/>
    /// for none or the system's, which ThreadKit reads and waits on directly for precise timing.
    /// </summary>
    public static TimeProvider? CustomOrNull(TimeProvider? clock) =>
        clock is null || ReferenceEquals(clock, TimeProvider.System) ? null : clock;
}
