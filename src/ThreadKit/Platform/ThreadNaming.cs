using System;
using System.Threading;

namespace ThreadKit;

/// <summary>
/// The one place ThreadKit names a thread: <see cref="Thread.Name"/>, which .NET also hands to the operating system
/// (<c>prctl</c> or <c>/proc/self/task/&lt;tid&gt;/comm</c> on Linux, <c>SetThreadDescription</c> on Windows,
/// <c>pthread_setname_np</c> on macOS). A fresh worker's thread is named once; a pool thread takes each job's name
/// and then gets its own back.
/// </summary>
internal static class ThreadNaming
{
    /// <summary>
    /// Names <paramref name="thread"/> <paramref name="name"/>, unless it already has that name: a pool thread that
    /// runs jobs of one name in a row makes no operating-system call after the first.
    /// </summary>
    public static void Name(Thread thread, string name)
    {
        if (string.Equals(thread.Name, name, StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            thread.Name = name;
        }
        catch (InvalidOperationException)
        {
            // .NET Framework names a thread once only; there a pool thread keeps the first name it was given.
        }
    }
}
