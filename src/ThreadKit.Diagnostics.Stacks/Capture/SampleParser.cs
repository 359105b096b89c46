using System;
using System.Collections.Generic;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;

namespace ThreadKit;

/// <summary>
/// Reads a recorded trace: for each thread the sample profiler saw, the frames of its last sample, innermost first,
/// named by the methods the rundown listed. It runs after the session has stopped, so nothing it does (TraceEvent's
/// own allocations and EventSources included) can feed back into the session.
/// </summary>
internal static class SampleParser
{
    private const string SampleProfiler = "Microsoft-DotNETCore-SampleProfiler";
    private const string NativeFrames = "[Native Frames]";

    public static Dictionary<long, string[]> LastStacks(string tracePath, string indexPath, ISet<long> skip)
    {
        TraceLog.CreateFromEventPipeDataFile(tracePath, indexPath);
        var last = new Dictionary<long, TraceCallStack>();
        using (var log = new TraceLog(indexPath))
        {
            foreach (var sample in log.Events)
            {
                if (sample.ProviderName == SampleProfiler && sample.CallStack() is { } stack && !skip.Contains(sample.ThreadID))
                {
                    last[sample.ThreadID] = stack;
                }
            }

            var frames = new Dictionary<long, string[]>(last.Count);
            foreach (var (thread, stack) in last)
            {
                frames[thread] = Frames(stack);
            }

            return frames;
        }
    }

    private static string[] Frames(TraceCallStack? stack)
    {
        var frames = new List<string>();
        for (; stack is not null; stack = stack.Caller)
        {
            var name = MethodName(stack.CodeAddress);
            if (name is null)
            {
                // One entry for a run of frames outside managed code, as dotnet-stack prints it.
                if (frames.Count == 0 || frames[^1] != NativeFrames)
                {
                    frames.Add(NativeFrames);
                }
            }
            else
            {
                frames.Add(name);
            }
        }

        return [.. frames];
    }

    /// <summary><c>Namespace.Type.Method</c>, without the argument list TraceEvent appends; <see langword="null"/> for unmanaged code.</summary>
    private static string? MethodName(TraceCodeAddress address)
    {
        var name = address.FullMethodName;
        if (string.IsNullOrEmpty(name) || address.Method is null)
        {
            return null;
        }

        var arguments = name.IndexOf('(', StringComparison.Ordinal);
        return arguments > 0 ? name[..arguments] : name;
    }
}
