using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;

namespace ThreadKit;

/// <summary>
/// The implementation of <see cref="NamedWorker.CurrentThreadName"/>: one thread-static read, the same price as
/// <see cref="Thread.CurrentThread"/>, then the thread's own name or the fallback computed once for that thread.
/// </summary>
/// <remarks>
/// The thread's <see cref="Thread"/> object is kept in the per-thread state rather than read again through
/// <see cref="Thread.CurrentThread"/>, which is a second thread-static lookup. Its name is read on every call, so a
/// thread renamed later reports its new name.
/// </remarks>
internal static class ThreadNames
{
    private const string EntryThreadName = "MainThread";
    private const string UnnamedThreadPrefix = "ManagedThread-";

    [ThreadStatic]
    private static PerThread? t_current;

    public static string Current
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            var current = t_current ?? CreateForCurrentThread();
            var name = current.Thread.Name;
            return string.IsNullOrEmpty(name) ? current.UnnamedName ?? DescribeUnnamed(current) : name!;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PerThread CreateForCurrentThread() => t_current = new PerThread(Thread.CurrentThread);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string DescribeUnnamed(PerThread current) =>
        current.UnnamedName = NativeThread.IsProcessEntryThread()
            ? EntryThreadName
            : UnnamedThreadPrefix + Environment.CurrentManagedThreadId.ToString(CultureInfo.InvariantCulture);

    private sealed class PerThread(Thread thread)
    {
        public readonly Thread Thread = thread;
        public string? UnnamedName;
    }
}
