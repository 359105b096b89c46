using System.Reflection;
using System.Runtime.Versioning;

namespace ThreadKit.Tests;

/// <summary>Which build of ThreadKit this run of the suite exercises.</summary>
internal static class Asset
{
    public static readonly string FrameworkName =
        typeof(NamedWorker).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;

    public static bool IsNetStandard => FrameworkName.StartsWith(".NETStandard", System.StringComparison.Ordinal);

    public static string ThreadKitPath => typeof(NamedWorker).Assembly.Location;
}
