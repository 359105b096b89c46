using System;
using System.Runtime.CompilerServices;

namespace ThreadKit;

/// <summary>What a capture needs, checked before anything starts, so that a capture that cannot run fails at once.</summary>
internal static class CaptureSupport
{
    public static void ThrowIfUnsupported()
    {
        // NativeAOT: no dynamic code, and no assembly files. Either alone is not enough: an app built with PublishAot but
        // run on the JIT (as `dotnet run` does) reports no dynamic code too, and a single-file app has no files.
        if (!RuntimeFeature.IsDynamicCodeSupported && string.IsNullOrEmpty(typeof(CaptureSupport).Assembly.Location))
        {
            throw new NotSupportedException(
                "Stacks cannot be captured under NativeAOT, which has no sample profiler (dotnet/runtime#92734). Use WorkerDiagnostics.Dump() for the threads' names and current work, or run the app on the JIT runtime to capture stacks.");
        }

        if (OperatingSystem.IsBrowser() || OperatingSystem.IsWasi() || OperatingSystem.IsIOS() || OperatingSystem.IsTvOS() || OperatingSystem.IsAndroid())
        {
            throw new NotSupportedException(
                "Stacks cannot be captured on this platform, which has no EventPipe diagnostic port. Use WorkerDiagnostics.Dump() instead.");
        }

        if (Disabled("DOTNET_EnableDiagnostics") || Disabled("COMPlus_EnableDiagnostics") || Disabled("DOTNET_EnableDiagnostics_IPC"))
        {
            throw new NotSupportedException(
                "Stacks cannot be captured: the runtime's diagnostic port is turned off (DOTNET_EnableDiagnostics or DOTNET_EnableDiagnostics_IPC is 0). Remove that setting to capture stacks, or use WorkerDiagnostics.Dump() instead.");
        }
    }

    private static bool Disabled(string variable) => Environment.GetEnvironmentVariable(variable) == "0";
}
