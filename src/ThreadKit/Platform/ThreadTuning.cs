using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;

namespace ThreadKit;

/// <summary>
/// What .NET cannot do for one thread: pin it to chosen CPUs (.NET has only the whole process's affinity, and on
/// Linux that changes the main thread alone, dotnet/corefx#27092), and give it a priority that Linux honours
/// (<see cref="Thread.Priority"/> does nothing there, dotnet/runtime#91165). The thread applies both to itself, before
/// its body runs. Every signature is blittable, so the P/Invokes stay trim- and NativeAOT-safe.
/// </summary>
internal static unsafe class ThreadTuning
{
    // Linux: room for 1,024 CPUs, glibc's cpu_set_t.
    private const int LinuxMaskBytes = 128;
    private const int PrioProcess = 0;
    private static int s_raiseRefusalReported;

    /// <summary>
    /// How far each priority moves a thread's nice value from the process's on Linux: lower is more CPU, and only root
    /// or CAP_SYS_NICE may go below the nice value the process started with.
    /// </summary>
    public static int NiceStep(ThreadPriority priority) => priority switch
    {
        ThreadPriority.Lowest => 10,
        ThreadPriority.BelowNormal => 5,
        ThreadPriority.AboveNormal => -5,
        ThreadPriority.Highest => -10,
        _ => 0,
    };

    /// <summary>
    /// Checks a processor affinity when it is set: a non-empty list of CPUs the process may use. Throws
    /// <see cref="PlatformNotSupportedException"/> where threads cannot be pinned (macOS has no such call).
    /// </summary>
    public static int[] ValidateAffinity(IReadOnlyList<int> cpus, string owner)
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
        {
            throw new PlatformNotSupportedException(
                $"macOS cannot pin a thread to CPUs, so ProcessorAffinity cannot be set on {owner}. Leave it null there.");
        }

        if (cpus.Count == 0)
        {
            throw new ArgumentException(
                $"The processor affinity of {owner} is empty; name at least one CPU, or set null to inherit the process's.",
                "value");
        }

        var allowed = AllowedCpus();
        var seen = new HashSet<int>();
        var copy = new int[cpus.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            var cpu = cpus[i];
            if (!allowed.Contains(cpu))
            {
                throw new ArgumentException(
                    $"CPU {cpu} in the processor affinity of {owner} is not one this process may use ({Describe(allowed)}). Choose among those.",
                    "value");
            }

            if (!seen.Add(cpu))
            {
                throw new ArgumentException(
                    $"CPU {cpu} appears more than once in the processor affinity of {owner}. Name each CPU once.",
                    "value");
            }

            copy[i] = cpu;
        }

        return copy;
    }

    /// <summary>
    /// On the thread itself, before it runs anything: sets the priority <paramref name="spec"/> gives, then pins the
    /// thread to its CPUs, if any. Throws the pinning's refusal, after the priority is set.
    /// </summary>
    public static void Apply(ThreadSpec spec, string threadName)
    {
        ApplyPriority(spec.Priority, threadName);
        if (spec.Affinity is { } cpus)
        {
            ApplyAffinity(cpus);
        }
    }

    /// <summary>On the thread itself: pins it to <paramref name="cpus"/>.</summary>
    private static void ApplyAffinity(int[] cpus)
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            var mask = stackalloc byte[LinuxMaskBytes];
            foreach (var cpu in cpus)
            {
                mask[cpu / 8] |= (byte)(1 << (cpu % 8));
            }

            if (Linux.sched_setaffinity(0, LinuxMaskBytes, mask) != 0)
            {
                throw new InvalidOperationException(
                    $"Linux refused to pin the thread to CPUs {string.Join(", ", cpus)} (sched_setaffinity, errno {Marshal.GetLastWin32Error()}). Check the CPUs the process may use.");
            }
        }
        else if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            nuint mask = 0;
            foreach (var cpu in cpus)
            {
                mask |= (nuint)1 << cpu;
            }

            if (Windows.SetThreadAffinityMask(Windows.GetCurrentThread(), mask) == 0)
            {
                throw new InvalidOperationException(
                    $"Windows refused to pin the thread to CPUs {string.Join(", ", cpus)} (SetThreadAffinityMask, error {Marshal.GetLastWin32Error()}).");
            }
        }
    }

    /// <summary>
    /// On the thread itself, on Linux: sets its nice value for <paramref name="priority"/>, relative to the process's,
    /// so that priorities keep their order in a process started with <c>nice</c>: <see cref="ThreadPriority.Normal"/>
    /// keeps the process's value, a lower priority adds to it (at most 19), a higher one subtracts from it (at least
    /// -20). Lowering needs no privilege; raising needs root or CAP_SYS_NICE, and where the process may not, the
    /// thread keeps the process's priority and the refusal is written once to standard error.
    /// </summary>
    private static void ApplyPriority(ThreadPriority priority, string threadName)
    {
        var step = NiceStep(priority);
        if (step == 0 || !RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            return;
        }

        // getpriority answers -1 on error too, but it cannot fail for the process's own id.
        var processNice = Linux.getpriority(PrioProcess, (uint)Linux.getpid());
        var nice = Math.Max(-20, Math.Min(19, processNice + step));
        if (Linux.setpriority(PrioProcess, (uint)NativeThread.GetCurrentThreadId(), nice) != 0 && step < 0
            && Interlocked.Exchange(ref s_raiseRefusalReported, 1) == 0)
        {
            FaultReport.WriteNotice(
                $"ThreadKit could not raise the priority of thread '{threadName}' to {priority} (nice {nice}, from the process's {processNice}): raising a thread's priority on Linux needs root or CAP_SYS_NICE. The thread runs at the process's priority. This is reported once per process.");
        }
    }

    /// <summary>The CPUs this process may use.</summary>
    public static HashSet<int> AllowedCpus()
    {
        var allowed = new HashSet<int>();
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            var mask = stackalloc byte[LinuxMaskBytes];
            if (Linux.sched_getaffinity(Linux.getpid(), LinuxMaskBytes, mask) == 0)
            {
                for (var cpu = 0; cpu < LinuxMaskBytes * 8; cpu++)
                {
                    if ((mask[cpu / 8] & (1 << (cpu % 8))) != 0)
                    {
                        allowed.Add(cpu);
                    }
                }

                return allowed;
            }
        }
        else if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
            && Windows.GetProcessAffinityMask(Windows.GetCurrentProcess(), out var processMask, out _) != 0)
        {
            for (var cpu = 0; cpu < sizeof(nuint) * 8; cpu++)
            {
                if ((processMask & ((nuint)1 << cpu)) != 0)
                {
                    allowed.Add(cpu);
                }
            }

            return allowed;
        }

        for (var cpu = 0; cpu < Environment.ProcessorCount; cpu++)
        {
            allowed.Add(cpu);
        }

        return allowed;
    }

    private static string Describe(HashSet<int> cpus)
    {
        var sorted = new List<int>(cpus);
        sorted.Sort();
        return "CPUs " + string.Join(", ", sorted);
    }

    private static class Linux
    {
        [DllImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
        public static extern int sched_setaffinity(int pid, nint size, byte* mask);

        [DllImport("libc", EntryPoint = "sched_getaffinity", SetLastError = true)]
        public static extern int sched_getaffinity(int pid, nint size, byte* mask);

        [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
        public static extern int setpriority(int which, uint who, int priority);

        [DllImport("libc", EntryPoint = "getpriority", SetLastError = true)]
        public static extern int getpriority(int which, uint who);

        [DllImport("libc", EntryPoint = "getpid")]
        public static extern int getpid();
    }

    private static class Windows
    {
        [DllImport("kernel32", EntryPoint = "GetCurrentThread")]
        public static extern IntPtr GetCurrentThread();

        [DllImport("kernel32", EntryPoint = "GetCurrentProcess")]
        public static extern IntPtr GetCurrentProcess();

        [DllImport("kernel32", EntryPoint = "SetThreadAffinityMask", SetLastError = true)]
        public static extern nuint SetThreadAffinityMask(IntPtr thread, nuint mask);

        [DllImport("kernel32", EntryPoint = "GetProcessAffinityMask", SetLastError = true)]
        public static extern int GetProcessAffinityMask(IntPtr process, out nuint processMask, out nuint systemMask);
    }
}
