using System;
using System.Runtime.InteropServices;

namespace ThreadKit;

/// <summary>
/// The C library's <c>struct timespec</c>, for the sleeps and waits that take one: seconds and nanoseconds, each as wide
/// as a C <c>long</c>, which <see langword="nint"/> is on Linux and macOS.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Timespec
{
    public nint Seconds;
    public nint Nanoseconds;

    /// <summary>
    /// Splits a non-negative count of nanoseconds, a span or a <c>CLOCK_MONOTONIC</c> reading, into its fields. Where a
    /// C <c>long</c> has 32 bits, seconds past what it holds (68 years) are cut to it rather than wrapped to negative.
    /// </summary>
    public static Timespec FromNanoseconds(long nanoseconds) => new()
    {
        Seconds = (nint)Math.Min(nanoseconds / 1_000_000_000, IntPtr.Size == 4 ? int.MaxValue : long.MaxValue),
        Nanoseconds = (nint)(nanoseconds % 1_000_000_000),
    };
}
