using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;

namespace ThreadKit;

/// <summary>
/// The one place ThreadKit names a thread: <see cref="Thread.Name"/>, which .NET also hands to the operating system
/// (<c>prctl</c> or <c>/proc/self/task/&lt;tid&gt;/comm</c> on Linux, <c>SetThreadDescription</c> on Windows,
/// <c>pthread_setname_np</c> on macOS). A fresh worker's thread is named once; a pool thread takes each job's name
/// and then gets its own back.
/// </summary>
/// <remarks>
/// Linux keeps 15 bytes of a thread's name, and .NET passes the first 15, so the threads of a pool named
/// <c>OrdersIngestionPool</c> all showed as <c>OrdersIngestion</c> in <c>top -H</c>, <c>perf</c>, <c>gdb</c> and
/// <c>dotnet-stack</c>, and a name in CJK could be cut inside a character. A longer name's operating-system name
/// keeps its start and its distinguishing end instead, joined by <c>~</c>, cut only between whole characters
/// (<see cref="NativeName"/>); the managed name stays whole.
/// </remarks>
internal static unsafe class ThreadNaming
{
    /// <summary>The most bytes of a name Linux keeps, without its terminating NUL.</summary>
    public const int LinuxNameBytes = 15;

    private const int PrSetName = 15;
    private const byte Marker = (byte)'~';

    // The end a short name keeps: enough characters for a pool thread's "-N" or a worker's distinguishing suffix.
    private const int TailCharacters = 5;
    private const int TailBytes = 7;

    private static readonly bool s_isLinux = RuntimeInformation.IsOSPlatform(OSPlatform.Linux);

    /// <summary>
    /// Names <paramref name="thread"/> <paramref name="name"/>, unless it already has that name: a pool thread that
    /// runs jobs of one name in a row makes no operating-system call after the first. Called on the thread itself,
    /// since Linux names only the calling thread.
    /// </summary>
    public static void Name(Thread thread, string name)
    {
        Debug.Assert(thread.ManagedThreadId == Environment.CurrentManagedThreadId, "A thread is named from itself.");
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
            return;
        }

        if (s_isLinux && !FitsLinux(name))
        {
            // Over what .NET passed on: the start and the distinguishing end, in whole characters, without allocating.
            var shortName = stackalloc byte[LinuxNameBytes + 1];
            var length = WriteShortName(name, shortName);
            shortName[length] = 0;
            _ = Linux.prctl(PrSetName, shortName, 0, 0, 0);
        }
    }

    /// <summary>
    /// Gets the name the operating system shows for a thread named <paramref name="name"/>: on Linux, the name itself
    /// when it fits in 15 bytes of UTF-8, else its start and end joined by <c>~</c>; elsewhere the name itself.
    /// </summary>
    public static string NativeName(string name)
    {
        if (!s_isLinux || FitsLinux(name))
        {
            return name;
        }

        var shortName = stackalloc byte[LinuxNameBytes];
        var length = WriteShortName(name, shortName);
        return Encoding.UTF8.GetString(shortName, length);
    }

    private static bool FitsLinux(string name) =>
        name.Length <= LinuxNameBytes / 3 || (name.Length <= LinuxNameBytes && Encoding.UTF8.GetByteCount(name) <= LinuxNameBytes);

    /// <summary>
    /// Writes the short form of a name longer than 15 bytes into <paramref name="destination"/> (15 bytes) and returns
    /// its length: as many whole leading characters as fit, <c>~</c>, and the last few whole characters (at most
    /// <see cref="TailCharacters"/>, at most <see cref="TailBytes"/> bytes).
    /// </summary>
    private static int WriteShortName(string name, byte* destination)
    {
        // The tail: whole characters from the end, a surrogate pair counted as one.
        var tailStart = name.Length;
        var tailBytes = 0;
        for (var taken = 0; taken < TailCharacters && tailStart > 0; taken++)
        {
            var start = tailStart - (tailStart >= 2 && char.IsLowSurrogate(name[tailStart - 1]) && char.IsHighSurrogate(name[tailStart - 2]) ? 2 : 1);
            var bytes = Utf8Length(name, start, tailStart - start);
            if (tailBytes + bytes > TailBytes)
            {
                break;
            }

            tailBytes += bytes;
            tailStart = start;
        }

        // The head: whole characters from the start, in what is left after the marker and the tail.
        var headEnd = 0;
        var headBytes = 0;
        while (headEnd < tailStart)
        {
            var width = headEnd + 1 < name.Length && char.IsHighSurrogate(name[headEnd]) && char.IsLowSurrogate(name[headEnd + 1]) ? 2 : 1;
            var bytes = Utf8Length(name, headEnd, width);
            if (headBytes + bytes > LinuxNameBytes - 1 - tailBytes)
            {
                break;
            }

            headBytes += bytes;
            headEnd += width;
        }

        fixed (char* chars = name)
        {
            var written = Encoding.UTF8.GetBytes(chars, headEnd, destination, LinuxNameBytes);
            destination[written++] = Marker;
            written += Encoding.UTF8.GetBytes(chars + tailStart, name.Length - tailStart, destination + written, LinuxNameBytes - written);
            return written;
        }
    }

    private static int Utf8Length(string text, int start, int count)
    {
        fixed (char* chars = text)
        {
            return Encoding.UTF8.GetByteCount(chars + start, count);
        }
    }

    private static class Linux
    {
        [DllImport("libc", EntryPoint = "prctl")]
        public static extern int prctl(int option, byte* name, nint arg3, nint arg4, nint arg5);
    }
}
