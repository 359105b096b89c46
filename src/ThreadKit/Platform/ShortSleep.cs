using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;

namespace ThreadKit;

/// <summary>
/// Sleeps for less than a millisecond without spinning. .NET's waits count whole milliseconds; <c>nanosleep</c> on
/// Linux and macOS sleeps to within the kernel's timer slack (50 µs on Linux). Elsewhere the sleep rounds up to the
/// millisecond, which is never early.
/// </summary>
internal static class ShortSleep
{
    private static readonly bool s_hasNanosleep =
        RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX);

    /// <summary>Blocks the calling thread until the <see cref="Stopwatch"/> reads <paramref name="deadline"/> or later.</summary>
    public static void Until(long deadline)
    {
        long remaining;
        while ((remaining = deadline - Stopwatch.GetTimestamp()) > 0)
        {
            var nanoseconds = (long)(remaining * (1_000_000_000.0 / Stopwatch.Frequency));
            if (s_hasNanosleep)
            {
                var request = new Timespec { Seconds = (nint)(nanoseconds / 1_000_000_000), Nanoseconds = (nint)(nanoseconds % 1_000_000_000) };
                if (Posix.nanosleep(ref request, IntPtr.Zero) == 0)
                {
                    continue;
                }
            }

            Thread.Sleep(TimeSpan.FromMilliseconds(Math.Ceiling(nanoseconds / 1_000_000.0)));
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public nint Seconds;
        public nint Nanoseconds;
    }

    private static class Posix
    {
        [DllImport("libc", EntryPoint = "nanosleep")]
        public static extern int nanosleep(ref Timespec request, IntPtr remaining);
    }
}
