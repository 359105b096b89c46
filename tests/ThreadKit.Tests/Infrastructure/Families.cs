using System.Linq;
using static ThreadKit.Tests.OverloadConventions;

namespace ThreadKit.Tests;

/// <summary>ThreadKit's overload families, for the convention tests and the bad-input table.</summary>
internal static class Families
{
    public static readonly Family Create = new(typeof(NamedWorker), nameof(NamedWorker.Create), ["name"]);
    public static readonly Family GroupStart = new(typeof(WorkerGroup), nameof(WorkerGroup.Start), ["name"]);
    public static readonly Family PoolStart = new(typeof(WorkerPool), nameof(WorkerPool.Start), ["name"]);
    public static readonly Family DelayedCreate =
        new(typeof(DelayedWorker), nameof(DelayedWorker.Create), ["name", "delay"], StoppableBodiesTakeAToken: false);

    public static readonly Family[] All = [Create, GroupStart, PoolStart, DelayedCreate];

    public static Family Named(string name) => All.Single(family => family.ToString() == name);
}
