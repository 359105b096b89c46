using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;

namespace ThreadKit;

/// <summary>
/// Sleeps for less than a millisecond without spinning. .NET's waits count whole milliseconds. On Linux the thread
/// sleeps to an absolute deadline on <c>CLOCK_MONOTONIC</c> (<c>clock_nanosleep</c> with <c>TIMER_ABSTIME</c>), the
/// clock <see cref="Stopwatch"/> reads there, so a wake-up is never computed from a stale "now"; with the thread's
/// timer slack at its minimum (<see cref="UseMinimalTimerSlack"/>) the kernel wakes it within tens of microseconds,
/// where its default slack of 50 µs adds that much to every sleep. On macOS it sleeps a relative <c>nanosleep</c>.
/// Elsewhere the sleep rounds up to the millisecond, which is never early.
/// </summary>
internal static class ShortSleep
{
    private const int ClockMonotonic = 1;
    private const int TimerAbsolute = 1;
    private const int PrSetTimerSlack = 29;
    private const int Interrupted = 4;

    private static readonly bool s_isLinux = RuntimeInformation.IsOSPlatform(OSPlatform.Linux);
    private static readonly bool s_hasNanosleep = s_isLinux || RuntimeInformation.IsOSPlatform(OSPlatform.OSX);

    // Stopwatch counts CLOCK_MONOTONIC nanoseconds on Linux; an absolute deadline can then be passed as it is.
    private static readonly bool s_absolute = s_isLinux && Stopwatch.Frequency == 1_000_000_000;

    /// <summary>Gets a value indicating whether a sleep here ends within microseconds of its deadline, rather than at the next millisecond.</summary>
    public static bool IsFine => s_hasNanosleep;

    /// <summary>
    /// On the calling thread, on Linux: sets its timer slack to the minimum, 1 ns, so that its timed sleeps and waits
    /// end when they are due rather than up to 50 µs later. It needs no privilege and affects only this thread; a
    /// loop's thread calls it once it holds a schedule. Elsewhere it does nothing.
    /// </summary>
    public static void UseMinimalTimerSlack()
    {
        if (s_isLinux)
        {
            _ = Posix.prctl(PrSetTimerSlack, 1, 0, 0, 0);
        }
    }

    /// <summary>Blocks the calling thread until the <see cref="Stopwatch"/> reads <paramref name="deadline"/> or later.</summary>
    public static void Until(long deadline)
    {
        long remaining;
        while ((remaining = deadline - Stopwatch.GetTimestamp()) > 0)
        {
            if (s_absolute)
            {
                // It returns the error itself: 0 once the deadline has come, EINTR when a signal cut it short.
                var due = Timespec.FromNanoseconds(deadline);
                var result = Posix.clock_nanosleep(ClockMonotonic, TimerAbsolute, ref due, IntPtr.Zero);
                if (result is 0 or Interrupted)
                {
                    continue;
                }
            }

            var nanoseconds = (long)(remaining * (1_000_000_000.0 / Stopwatch.Frequency));
            if (s_hasNanosleep)
            {
                var request = Timespec.FromNanoseconds(nanoseconds);
                if (Posix.nanosleep(ref request, IntPtr.Zero) == 0)
                {
                    continue;
                }
            }

            Thread.Sleep(TimeSpan.FromMilliseconds(Math.Ceiling(nanoseconds / 1_000_000.0)));
        }
    }

    private static class Posix
    {
        [DllImport("libc", EntryPoint = "nanosleep")]
        public static extern int nanosleep(ref Timespec request, IntPtr remaining);

        [DllImport("libc", EntryPoint = "clock_nanosleep")]
        public static extern int clock_nanosleep(int clock, int flags, ref Timespec request, IntPtr remaining);

        [DllImport("libc", EntryPoint = "prctl")]
        public static extern int prctl(int option, nint arg2, nint arg3, nint arg4, nint arg5);
    }
}
