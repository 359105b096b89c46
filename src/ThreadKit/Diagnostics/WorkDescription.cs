using System;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace ThreadKit;

/// <summary>
/// Names the work a loop or pool thread is running the way a reader recognises it: a job by its name, a delegate by
/// its method as <c>Type.Method</c>, a lambda by the method that contains it, and an async method's continuation by the
/// async method. Runs only when someone asks (a dump, a stall), never per item.
/// </summary>
internal static class WorkDescription
{
    public static string Describe(object callback, object? state) => DescribeItem(state) ?? DescribeItem(callback) ?? callback.GetType().Name;

    private static string? DescribeItem(object? item) => item switch
    {
        NamedWorker job => job.Name,
        IDescribedWork { Work: { } work } => Describe(work),
        Delegate work => Describe(work),
        Task task => "Task " + task.Id.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    public static string Describe(Delegate work)
    {
        MethodInfo method;
        try
        {
            method = work.Method;
        }
        catch (NotSupportedException)
        {
            // Trimmed or ahead-of-time compiled code may keep no metadata for the method.
            return work.GetType().Name;
        }

        if (AsyncMethodOf(work.Target) is { } stateMachine)
        {
            return Describe(stateMachine.DeclaringType, MethodNameOf(stateMachine.Name)) + " (after await)";
        }

        return Describe(method.DeclaringType, MethodNameOf(method.Name));
    }

    private static string Describe(Type? declaringType, string method)
    {
        // Closures and state machines are nested in the type that declared the code; name that type instead.
        while (declaringType is not null && IsGenerated(declaringType.Name) && declaringType.DeclaringType is not null)
        {
            declaringType = declaringType.DeclaringType;
        }

        return declaringType is null ? method : declaringType.Name + "." + method;
    }

    /// <summary>
    /// Turns a compiler-generated name into what the source says: a lambda <c>&lt;Main&gt;b__0_0</c> becomes
    /// <c>Main lambda</c>, a local function <c>&lt;Main&gt;g__Poll|0_0</c> becomes <c>Poll</c>, and an async
    /// method's state machine <c>&lt;SaveAsync&gt;d__3</c> becomes <c>SaveAsync</c>.
    /// </summary>
    private static string MethodNameOf(string name)
    {
        if (!IsGenerated(name))
        {
            return name;
        }

        var close = MatchingClose(name);
        if (close < 0)
        {
            return name;
        }

        // Top-level statements compile into "<Main>$", which a reader knows as Main.
        var outer = name.Substring(1, close - 1);
        outer = outer == "<Main>$" ? "Main" : outer;
        var kind = close + 1 < name.Length ? name[close + 1] : ' ';
        if (kind == 'g' && name.IndexOf("__", close, StringComparison.Ordinal) is var start and >= 0)
        {
            var end = name.IndexOf('|', start);
            return end > start ? name.Substring(start + 2, end - start - 2) : outer;
        }

        return kind == 'b' ? outer + " lambda" : outer;
    }

    /// <summary>The index of the closing angle bracket that matches the name's first opening one, past nested pairs such as <c>&lt;Main&gt;$</c>.</summary>
    private static int MatchingClose(string name)
    {
        var depth = 0;
        for (var i = 0; i < name.Length; i++)
        {
            depth += name[i] switch { '<' => 1, '>' => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsGenerated(string name) => name.Length > 0 && name[0] == '<';

    /// <summary>The async method whose continuation <paramref name="target"/> resumes, found by its state machine type.</summary>
    private static Type? AsyncMethodOf(object? target)
    {
        if (target is null)
        {
            return null;
        }

        try
        {
            var type = target.GetType();
            if (typeof(IAsyncStateMachine).IsAssignableFrom(type))
            {
                return type;
            }

            foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
            {
                if (typeof(IAsyncStateMachine).IsAssignableFrom(argument))
                {
                    return argument;
                }
            }
        }
        catch (NotSupportedException)
        {
            // No metadata for the runtime's state machine box: describe the delegate's own method instead.
        }

        return null;
    }
}

/// <summary>A queued item that carries the user's delegate, so that a dump can name it.</summary>
internal interface IDescribedWork
{
    Delegate? Work { get; }
}
