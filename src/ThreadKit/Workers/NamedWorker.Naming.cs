using System;
using System.Globalization;
using System.Threading;

namespace ThreadKit;

// Python's automatic names: Thread-N, with the target's method name when it has a meaningful one.
public abstract partial class NamedWorker
{
    private static string CreateAutoName(Delegate body)
    {
        var number = Interlocked.Increment(ref s_autoNameCounter).ToString(CultureInfo.InvariantCulture);
        var target = DescribeTarget(body);
        return target is null ? "Thread-" + number : "Thread-" + number + " (" + target + ")";
    }

    /// <summary>
    /// The method name Python would show for the target: the method itself, the declared name of a local function,
    /// and nothing for a lambda or other compiler-generated method, whose name means nothing to a reader.
    /// </summary>
    private static string? DescribeTarget(Delegate body)
    {
        string methodName;
        try
        {
            methodName = body.Method.Name;
        }
        catch (NotSupportedException)
        {
            // Trimmed or ahead-of-time compiled code may carry no metadata for the method; the suffix is optional.
            return null;
        }

        if (methodName.IndexOf('<') < 0)
        {
            return methodName;
        }

        // A local function compiles to "<Outer>g__Declared|0_0".
        const string localFunctionMarker = ">g__";
        var start = methodName.IndexOf(localFunctionMarker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += localFunctionMarker.Length;
        var end = methodName.IndexOf('|', start);
        return end > start ? methodName.Substring(start, end - start) : null;
    }
}
