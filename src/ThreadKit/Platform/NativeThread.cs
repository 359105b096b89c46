using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace ThreadKit;

/// <summary>
/// Operating-system facts about threads that .NET does not expose: the native thread id, and whether the calling
/// thread is the process's entry thread. Every signature is blittable, so the P/Invokes need no runtime marshalling
/// and stay trim- and NativeAOT-safe.
/// </summary>
internal static unsafe class NativeThread
{
    /// <summary>Returned by <see cref="GetCurrentThreadId"/> on platforms with no supported native id.</summary>
    public const long Unavailable = -1;

    private static readonly Platform s_platform = DetectPlatform();
    private static long s_windowsMainThreadId;

    private enum Platform
    {
        Other,
        Linux,
        MacOS,
        Windows,
    }

    /// <summary>
    /// Gets the id the operating system's own tools show for the calling thread: <c>gettid</c> on Linux (as in
    /// <c>top -H</c>, <c>perf</c>, <c>gdb</c> and <c>/proc</c>), <c>pthread_threadid_np</c> on macOS, and
    /// <c>GetCurrentThreadId</c> on Windows; <see cref="Unavailable"/> elsewhere or if the call fails.
    /// </summary>
    public static long GetCurrentThreadId()
    {
        try
        {
            switch (s_platform)
            {
                case Platform.Linux:
                    return LinuxThreadId();
                case Platform.MacOS:
                    ulong id;
                    return MacOS.pthread_threadid_np(IntPtr.Zero, &id) == 0 ? (long)id : Unavailable;
                case Platform.Windows:
                    return Windows.GetCurrentThreadId();
                default:
                    return Unavailable;
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return Unavailable;
        }
    }

    /// <summary>
    /// Tells whether the calling thread is the process's entry thread, the one the operating system started the
    /// process on. Linux: its thread id equals the process id. macOS: <c>pthread_main_np</c>. Windows: the thread of
    /// this process that was created first. Elsewhere, or if the native call fails: the thread that started the
    /// .NET runtime, which has managed thread id 1.
    /// </summary>
    public static bool IsProcessEntryThread()
    {
        try
        {
            switch (s_platform)
            {
                case Platform.Linux:
                    return LinuxThreadId() == Linux.getpid();
                case Platform.MacOS:
                    return MacOS.pthread_main_np() != 0;
                case Platform.Windows:
                    var mainThreadId = WindowsMainThreadId();
                    if (mainThreadId != 0)
                    {
                        return Windows.GetCurrentThreadId() == mainThreadId;
                    }

                    break;
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // Fall through to the runtime's own notion of the first thread.
        }

        return Environment.CurrentManagedThreadId == 1;
    }

    private static Platform DetectPlatform()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            return Platform.Linux;
        }

        if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
        {
            return Platform.MacOS;
        }

        return RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? Platform.Windows : Platform.Other;
    }

    private static long LinuxThreadId()
    {
        try
        {
            return Linux.gettid();
        }
        catch (EntryPointNotFoundException)
        {
            // C libraries older than glibc 2.30 have no gettid wrapper; the system call itself is always there.
            return Linux.syscall(Linux.GetTidSyscallNumber());
        }
    }

    private static long WindowsMainThreadId()
    {
        var cached = Volatile.Read(ref s_windowsMainThreadId);
        if (cached == 0)
        {
            cached = Windows.FindFirstCreatedThreadOfCurrentProcess();
            Volatile.Write(ref s_windowsMainThreadId, cached);
        }

        return cached;
    }

    private static class Linux
    {
        [DllImport("libc", EntryPoint = "gettid")]
        public static extern int gettid();

        [DllImport("libc", EntryPoint = "getpid")]
        public static extern int getpid();

        [DllImport("libc", EntryPoint = "syscall")]
        public static extern long syscall(long number);

        public static long GetTidSyscallNumber() => RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 186,
            Architecture.Arm64 => 178,
            Architecture.X86 => 224,
            Architecture.Arm => 224,
            _ => throw new EntryPointNotFoundException("gettid is not available on this architecture."),
        };
    }

    private static class MacOS
    {
        [DllImport("libc", EntryPoint = "pthread_threadid_np")]
        public static extern int pthread_threadid_np(IntPtr thread, ulong* threadId);

        [DllImport("libc", EntryPoint = "pthread_main_np")]
        public static extern int pthread_main_np();
    }

    private static class Windows
    {
        private const uint SnapThread = 0x00000004;
        private const uint ThreadQueryLimitedInformation = 0x0800;
        private static readonly IntPtr s_invalidHandle = new(-1);

        [DllImport("kernel32", EntryPoint = "GetCurrentThreadId")]
        public static extern uint GetCurrentThreadId();

        /// <summary>
        /// Windows keeps no "main thread" flag, so the entry thread is taken to be the thread of this process with
        /// the earliest creation time. Returns 0 if it cannot be determined.
        /// </summary>
        public static long FindFirstCreatedThreadOfCurrentProcess()
        {
            var processId = GetCurrentProcessId();
            var snapshot = CreateToolhelp32Snapshot(SnapThread, 0);
            if (snapshot == s_invalidHandle)
            {
                return 0;
            }

            try
            {
                long earliestTime = long.MaxValue;
                uint earliestThread = 0;
                var entry = new ThreadEntry32 { Size = (uint)sizeof(ThreadEntry32) };
                for (var more = Thread32First(snapshot, &entry); more != 0; more = Thread32Next(snapshot, &entry))
                {
                    if (entry.OwnerProcessId != processId)
                    {
                        continue;
                    }

                    var handle = OpenThread(ThreadQueryLimitedInformation, 0, entry.ThreadId);
                    if (handle == IntPtr.Zero)
                    {
                        continue;
                    }

                    long creation, exit, kernel, user;
                    if (GetThreadTimes(handle, &creation, &exit, &kernel, &user) != 0 && creation < earliestTime)
                    {
                        earliestTime = creation;
                        earliestThread = entry.ThreadId;
                    }

                    CloseHandle(handle);
                }

                return earliestThread;
            }
            finally
            {
                CloseHandle(snapshot);
            }
        }

        [DllImport("kernel32", EntryPoint = "GetCurrentProcessId")]
        private static extern uint GetCurrentProcessId();

        [DllImport("kernel32", EntryPoint = "CreateToolhelp32Snapshot")]
        private static extern IntPtr CreateToolhelp32Snapshot(uint flags, uint processId);

        [DllImport("kernel32", EntryPoint = "Thread32First")]
        private static extern int Thread32First(IntPtr snapshot, ThreadEntry32* entry);

        [DllImport("kernel32", EntryPoint = "Thread32Next")]
        private static extern int Thread32Next(IntPtr snapshot, ThreadEntry32* entry);

        [DllImport("kernel32", EntryPoint = "OpenThread")]
        private static extern IntPtr OpenThread(uint desiredAccess, int inheritHandle, uint threadId);

        [DllImport("kernel32", EntryPoint = "GetThreadTimes")]
        private static extern int GetThreadTimes(IntPtr thread, long* creation, long* exit, long* kernel, long* user);

        [DllImport("kernel32", EntryPoint = "CloseHandle")]
        private static extern int CloseHandle(IntPtr handle);

        [StructLayout(LayoutKind.Sequential)]
        private struct ThreadEntry32
        {
            public uint Size;
            public uint UsageCount;
            public uint ThreadId;
            public uint OwnerProcessId;
            public int BasePriority;
            public int DeltaPriority;
            public uint Flags;
        }
    }
}
