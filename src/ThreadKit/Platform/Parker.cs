using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace ThreadKit;

/// <summary>
/// Blocks one thread until another wakes it, as Rust's <c>thread::park</c> and Java's <c>LockSupport.park</c> do: a
/// wake-up that comes first is kept (one permit), so none is lost. On Linux it waits on a futex, which the waker wakes
/// without holding any lock.
/// </summary>
/// <remarks>
/// Why not a monitor: the runtime's <see cref="Monitor.Pulse(object)"/> signals a condition variable while it holds
/// that variable's mutex. On a machine whose every core is busy the woken thread is put on the waker's core, runs at
/// once, finds the mutex held, and blocks again until the waker releases it: two switches for each wake-up. A loop's
/// round trip paid that on both sides, and took 2.7 times as long as Nito's <c>AsyncContextThread</c>, whose waits
/// spin with yields instead. A futex wake holds nothing, so the woken thread runs straight on. Elsewhere (other
/// systems, other processors, or a kernel that refuses the call) it waits on a monitor, as before.
/// </remarks>
internal sealed class Parker
{
    private const int Empty = 0;
    private const int Notified = 1;
    private const int Parked = -1;

    private const int FutexWaitPrivate = 128;
    private const int FutexWakePrivate = 129;
    private const int TryAgain = 11;
    private const int Interrupted = 4;
    private const int TimedOut = 110;

    // The futex system call's number, which differs by processor; 0 where it is not known, or the kernel refused it.
    private static int s_futexCall = FutexCallNumber();

    // The futex word: on Linux the kernel reads it by address, so it must never move. The pinned object heap keeps
    // it in place for free; the older runtimes the netstandard2.0 build serves pin it with a handle.
#if NET
    private readonly int[] _word = GC.AllocateArray<int>(1, pinned: true);
#else
    private readonly int[] _word = new int[1];
    private GCHandle _pin;
#endif

    private readonly IntPtr _address;

    public Parker()
    {
#if !NET
        _pin = GCHandle.Alloc(_word, GCHandleType.Pinned);
#endif
        _address = Marshal.UnsafeAddrOfPinnedArrayElement(_word, 0);
    }

#if !NET
    ~Parker() => _pin.Free();
#endif

    /// <summary>Gets a value indicating whether the parker waits on a futex here, rather than on a monitor.</summary>
    public static bool UsesFutex => Volatile.Read(ref s_futexCall) != 0;

    /// <summary>
    /// Blocks the calling thread until <see cref="Unpark"/> is called, or <paramref name="timeout"/> has passed, and
    /// consumes the wake-up. It returns at once if a wake-up came since the last park, and may return early for no
    /// reason (a signal), so the caller looks again at what it waits for.
    /// </summary>
    public void Park(TimeSpan timeout)
    {
        // Notified becomes Empty and returns; Empty becomes Parked and waits.
        if (Interlocked.Decrement(ref _word[0]) == Empty)
        {
            return;
        }

        // Read once: another parker may find the call refused meanwhile, and this one must not make call number 0.
        var futexCall = Volatile.Read(ref s_futexCall);
        if (futexCall == 0 || !WaitOnFutex(futexCall, timeout))
        {
            WaitOnMonitor(timeout);
        }

        Interlocked.Exchange(ref _word[0], Empty);
    }

    /// <summary>Wakes the parked thread, or, if it is not parked, lets its next <see cref="Park"/> return at once.</summary>
    public void Unpark()
    {
        if (Interlocked.Exchange(ref _word[0], Notified) != Parked)
        {
            return;
        }

        // Read after the exchange: a parker that finds the futex refused says so before it looks at the word, so
        // either it sees this wake-up, or this sees the refusal and pulses the monitor it waits on.
        var futexCall = Volatile.Read(ref s_futexCall);
        if (futexCall != 0)
        {
            _ = Linux.syscall(futexCall, _address, FutexWakePrivate, 1, IntPtr.Zero);
            return;
        }

        lock (_word)
        {
            Monitor.Pulse(_word);
        }
    }

    /// <summary>Waits while the word says parked; returns <see langword="false"/> if the kernel refused the call.</summary>
    private unsafe bool WaitOnFutex(int futexCall, TimeSpan timeout)
    {
        // FUTEX_WAIT's timeout is relative; none means no end. A span past what nanoseconds hold (292 years) is cut
        // to it, and the caller, which may be woken early anyway, looks again.
        var hasTimeout = timeout != Timeout.InfiniteTimeSpan;
        var ticks = Math.Min(Math.Max(0, timeout.Ticks), long.MaxValue / 100);
        var span = Timespec.FromNanoseconds(hasTimeout ? ticks * 100 : 0);
        var result = Linux.syscall(futexCall, _address, FutexWaitPrivate, Parked, hasTimeout ? (IntPtr)(&span) : IntPtr.Zero);
        if (result == 0)
        {
            return true;
        }

        var error = Marshal.GetLastWin32Error();
        if (error is TryAgain or Interrupted or TimedOut)
        {
            return true;
        }

        // A sandbox that forbids the call, or a kernel without it: every parker waits on its monitor from now on.
        // A full fence, not a plain write: the refusal must be seen before this parker looks at its word again.
        Interlocked.Exchange(ref s_futexCall, 0);
        return false;
    }

    private void WaitOnMonitor(TimeSpan timeout)
    {
        lock (_word)
        {
            if (Volatile.Read(ref _word[0]) != Parked)
            {
                return;
            }

            if (timeout == Timeout.InfiniteTimeSpan)
            {
                Monitor.Wait(_word);
                return;
            }

            // Rounded up, so that a timed park is never shorter than asked.
            Monitor.Wait(_word, (int)Math.Min(int.MaxValue - 1, Math.Ceiling(Math.Max(0, timeout.TotalMilliseconds))));
        }
    }

    private static int FutexCallNumber()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            return 0;
        }

        return RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 202,
            Architecture.Arm64 => 98,
            Architecture.X86 or Architecture.Arm => 240,
            _ => 0,
        };
    }

    private static class Linux
    {
        [DllImport("libc", EntryPoint = "syscall", SetLastError = true)]
        public static extern nint syscall(nint number, IntPtr address, int operation, int value, IntPtr timeout);
    }
}
