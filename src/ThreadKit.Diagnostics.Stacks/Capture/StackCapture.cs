using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;

namespace ThreadKit;

/// <summary>
/// One capture, run on the calling thread, which is a dedicated one: record, read, and name each thread. Captures take
/// turns through one gate, so two never open two sessions at once, and every wait in it is bounded by the timeout.
/// </summary>
internal static class StackCapture
{
    private static readonly SemaphoreSlim s_gate = new(1, 1);

    public static IReadOnlyList<ThreadStack> Run(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (!s_gate.Wait(timeout, cancellationToken))
        {
            throw new TimeoutException(
                $"Another stack capture held the session for all of the {timeout.TotalSeconds:0.#} s timeout. Try again, or raise WorkerStacks.CaptureTimeout.");
        }

        var folder = Directory.CreateTempSubdirectory("threadkit-stacks-");
        try
        {
            var ownThreads = new HashSet<long>();
            if (CurrentThread(WorkerDiagnostics.GetThreads())?.NativeThreadId is { } self)
            {
                ownThreads.Add(self);
            }

            var trace = Path.Combine(folder.FullName, "capture.nettrace");
            var remaining = timeout == Timeout.InfiniteTimeSpan ? timeout : TimeSpan.FromTicks(Math.Max(0, (timeout - Stopwatch.GetElapsedTime(started)).Ticks));
            EventPipeCapture.Record(trace, ownThreads, remaining, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            if (timeout != Timeout.InfiniteTimeSpan && Stopwatch.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException(
                    $"The stack capture's session took longer than its {timeout.TotalSeconds:0.###} s timeout; it was stopped before its trace was read. Raise WorkerStacks.CaptureTimeout.");
            }

            var frames = SampleParser.LastStacks(trace, Path.Combine(folder.FullName, "capture.etlx"), ownThreads);
            return Name(frames, WorkerDiagnostics.GetThreads());
        }
        finally
        {
            TryDelete(folder);
            s_gate.Release();
        }
    }

    /// <summary>ThreadKit's threads first, by name, under ThreadKit's names and details; then every other thread by its OS id.</summary>
    private static ThreadStack[] Name(Dictionary<long, string[]> frames, IReadOnlyList<WorkerThreadInfo> threads)
    {
        var known = new Dictionary<long, WorkerThreadInfo>();
        foreach (var thread in threads)
        {
            if (thread.NativeThreadId is { } id)
            {
                known[id] = thread;
            }
        }

        return frames
            .Select(pair => known.TryGetValue(pair.Key, out var info)
                ? new ThreadStack(info.Name, pair.Key, pair.Value, info)
                : new ThreadStack(OsThreadNames.Of(pair.Key), pair.Key, pair.Value, null))
            .OrderBy(static stack => stack.Worker is null)
            .ThenBy(static stack => stack.Worker is null ? string.Empty : stack.Name, StringComparer.Ordinal)
            .ThenBy(static stack => stack.NativeThreadId)
            .ToArray();
    }

    private static WorkerThreadInfo? CurrentThread(IReadOnlyList<WorkerThreadInfo> threads) =>
        threads.FirstOrDefault(static thread => thread.ManagedThreadId == Environment.CurrentManagedThreadId);

    private static void TryDelete(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temporary folder's own cleanup takes it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
