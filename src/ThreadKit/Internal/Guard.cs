using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Threading;

namespace ThreadKit;

/// <summary>Argument checks shared by every public entry point, so that each failure reads the same way.</summary>
internal static class Guard
{
    public static T NotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where T : class
    {
        if (value is null)
        {
            ThrowArgumentNull(paramName);
        }

        return value;
    }

    /// <summary>
    /// Refuses a synchronous function whose result is a task, given to a group's or a pool's convenience form that
    /// has no async overload of that arity: run as a function, its work would outlive the worker, its faults would go
    /// unseen, and its join would return the unfinished task.
    /// </summary>
    public static void NotAsyncBody<TResult>(string? name, string owner)
    {
        if (ResultOf<TResult>.IsTask)
        {
            throw new ArgumentException(
                $"The body of {(string.IsNullOrEmpty(name) ? "an unnamed worker" : $"worker '{name}'")} returns a {typeof(TResult).Name}: it is an async body, which this {owner} overload would not await. Create the worker with NamedWorker.Create(name, body, arguments…), which runs a task-returning body to its end, and start it with Start(worker).",
                "body");
        }
    }

    /// <summary>Accepts <see cref="Timeout.InfiniteTimeSpan"/>, zero, and any positive span.</summary>
    public static void Timeout(TimeSpan timeout, [CallerArgumentExpression(nameof(timeout))] string? paramName = null)
    {
        if (timeout < TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                timeout,
                "The timeout must be zero or positive, or Timeout.InfiniteTimeSpan to wait without limit.");
        }
    }

    public static string? WorkerName(string? name, [CallerArgumentExpression(nameof(name))] string? paramName = null)
    {
        if (name is not null && name.IndexOf('\0') >= 0)
        {
            throw new ArgumentException(
                "The name contains a NUL character ('\\0'), which operating systems treat as the end of a thread name. Remove it and try again.",
                paramName);
        }

        return name;
    }

    /// <summary>A schedule's period or delay between runs: positive.</summary>
    public static TimeSpan Period(TimeSpan value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(paramName, value, "The time between runs must be positive.");
        }

        return value;
    }

    /// <summary>A stack size: 0 for the platform's default, or at least <see cref="NamedWorker.MinimumStackSize"/>.</summary>
    public static int StackSize(int value)
    {
        if (value < 0 || (value > 0 && value < NamedWorker.MinimumStackSize))
        {
            throw new ArgumentOutOfRangeException(
                nameof(value),
                value,
                $"The stack size must be 0, for the platform default, or at least {NamedWorker.MinimumStackSize} bytes (NamedWorker.MinimumStackSize).");
        }

        return value;
    }

    /// <summary>One of the named <see cref="ThreadPriority"/> values.</summary>
    public static ThreadPriority Priority(ThreadPriority value)
    {
        if (value < ThreadPriority.Lowest || value > ThreadPriority.Highest)
        {
            throw new ArgumentOutOfRangeException(
                nameof(value),
                value,
                "The priority must be one of the named ThreadPriority values, from Lowest to Highest.");
        }

        return value;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowArgumentNull(string? paramName) =>
        throw new ArgumentNullException(paramName, "A value is required here; pass a non-null argument.");

    /// <summary>Whether a result type is a task, worked out once per type.</summary>
    private static class ResultOf<TResult>
    {
        public static readonly bool IsTask = typeof(System.Threading.Tasks.Task).IsAssignableFrom(typeof(TResult));
    }
}
