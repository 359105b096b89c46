using System.Collections.Generic;

namespace ThreadKit;

/// <summary>
/// One managed thread's stack, as <see cref="WorkerStacks.CaptureAsync"/> sampled it: the thread's name, its
/// operating-system id, and its frames, innermost first.
/// </summary>
public sealed class ThreadStack
{
    internal ThreadStack(string name, long nativeThreadId, IReadOnlyList<string> frames, WorkerThreadInfo? worker)
    {
        Name = name;
        NativeThreadId = nativeThreadId;
        Frames = frames;
        Worker = worker;
    }

    /// <summary>
    /// Gets the thread's name: ThreadKit's name for its own threads (for a pool thread running a job, the job's), and
    /// the name the operating system shows for any other thread, or <c>"thread &lt;id&gt;"</c> where it has none.
    /// </summary>
    public string Name { get; }

    /// <summary>
    /// Gets the thread's operating-system id, the one <c>top -H</c>, <c>gdb</c> and <c>dotnet-stack</c> show
    /// (<c>gettid</c> on Linux, <c>GetCurrentThreadId</c> on Windows).
    /// </summary>
    public long NativeThreadId { get; }

    /// <summary>
    /// Gets the thread's frames, innermost first, each <c>"Namespace.Type.Method"</c>, without addresses or
    /// arguments. A run of frames outside managed code is one <c>"[Native Frames]"</c> entry.
    /// </summary>
    public IReadOnlyList<string> Frames { get; }

    /// <summary>
    /// Gets what ThreadKit knows of the thread when it is one of ThreadKit's (its kind, owner and current work), as
    /// <see cref="WorkerDiagnostics.GetThreads"/> listed it at the capture; <see langword="null"/> for other threads.
    /// </summary>
    public WorkerThreadInfo? Worker { get; }

    /// <summary>Returns the thread's block as <see cref="WorkerStacks.DumpAsync"/> prints it.</summary>
    /// <returns>A header line and one <c>at</c> line per frame.</returns>
    public override string ToString() => StackDump.Format(this);
}
