using System.Reflection;
using System.Threading.Tasks;

namespace ThreadKit.Tests;

/// <summary>
/// Reads a worker's private fields, for the tests that check what a plain worker does not allocate. They live here,
/// not in the product, so that the product carries no members only tests use.
/// </summary>
public static class WorkerInternals
{
    /// <summary>Gets a value indicating whether the worker has made the completion source behind JoinAsync.</summary>
    public static bool HasJoinSourceAllocated(this NamedWorker worker) =>
        Field(worker, "_joinSource") is { } source && source.GetType().IsGenericType
        && source.GetType().GetGenericTypeDefinition() == typeof(TaskCompletionSource<>);

    /// <summary>Gets a value indicating whether the worker has made its optional state (options, stop, group).</summary>
    public static bool HasExtrasAllocated(this NamedWorker worker) => Field(worker, "_extras") is not null;

    private static object? Field(NamedWorker worker, string name) =>
        typeof(NamedWorker).GetField(name, BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(worker);
}
