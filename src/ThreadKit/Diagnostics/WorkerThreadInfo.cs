using System;
using System.Globalization;
using System.Text;

namespace ThreadKit;

/// <summary>
/// A snapshot of one live thread that ThreadKit runs: who it is, what it is running and for how long, and what waits
/// behind it, as a line of Java's <c>jstack</c> shows a thread.
/// </summary>
public sealed class WorkerThreadInfo
{
    internal WorkerThreadInfo(
        string name,
        WorkerThreadKind kind,
        string? owner,
        int managedThreadId,
        long? nativeThreadId,
        string? currentWork,
        TimeSpan? currentWorkElapsed,
        int queuedCount)
    {
        Name = name;
        Kind = kind;
        Owner = owner;
        ManagedThreadId = managedThreadId;
        NativeThreadId = nativeThreadId;
        CurrentWork = currentWork;
        CurrentWorkElapsed = currentWorkElapsed;
        QueuedCount = queuedCount;
    }

    /// <summary>Gets the thread's name now: a pool thread running a job has the job's name.</summary>
    public string Name { get; }

    /// <summary>
    /// Gets the name the operating system shows for the thread, in <c>top -H</c>, <c>perf</c>, <c>gdb</c> and
    /// <c>dotnet-stack</c>. It is <see cref="Name"/> itself, except on Linux for a name over 15 bytes of UTF-8, which
    /// Linux cannot hold: then it is the name's start and its distinguishing end (a pool thread's <c>-N</c>, a worker's
    /// last characters) joined by <c>~</c>, cut only between whole characters, such as <c>OrdersIng~ool-3</c> for <c>OrdersIngestionPool-3</c>.
    /// </summary>
    public string NativeName => ThreadNaming.NativeName(Name);

    /// <summary>Gets what the thread is for: a worker's own thread, a loop's, or a pool's.</summary>
    public WorkerThreadKind Kind { get; }

    /// <summary>Gets the name of the loop or pool the thread belongs to, or of a worker's group; otherwise <see langword="null"/>.</summary>
    public string? Owner { get; }

    /// <summary>Gets the thread's managed thread id.</summary>
    public int ManagedThreadId { get; }

    /// <summary>
    /// Gets the operating system's id for the thread, the one <c>top -H</c>, <c>perf</c> and <c>dotnet-stack</c>
    /// show; <see langword="null"/> where the platform has none, or before the thread has reported it.
    /// </summary>
    public long? NativeThreadId { get; }

    /// <summary>
    /// Gets what the thread is running now: a pool job by its name, a loop item by its delegate's method
    /// (<c>Type.Method</c>; a lambda by the method that contains it). <see langword="null"/> when the thread is idle,
    /// and for a worker's own thread, whose name already says what it runs.
    /// </summary>
    public string? CurrentWork { get; }

    /// <summary>
    /// Gets how long <see cref="CurrentWork"/> has been running, at least: ThreadKit does not time every item, it samples
    /// each thread's progress, so this counts from when the work was first seen running. <see langword="null"/> when
    /// <see cref="CurrentWork"/> is.
    /// </summary>
    public TimeSpan? CurrentWorkElapsed { get; }

    /// <summary>Gets the number of items waiting behind the thread: a loop's queue, or a pool's; 0 for a worker's own thread.</summary>
    public int QueuedCount { get; }

    /// <summary>
    /// Describes the thread in one line, in the spirit of <c>jstack</c>'s header line, for example
    /// <c>"sqlite" loop owner=sqlite tid=12 nid=48211 running Orders.Save for 6.2 s, 3 queued</c>.
    /// </summary>
    /// <returns>A one-line description.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append('"').Append(Name).Append("\" ");
        var nativeName = NativeName;
        if (!string.Equals(nativeName, Name, StringComparison.Ordinal))
        {
            text.Append("os=\"").Append(nativeName).Append("\" ");
        }

        text.Append(Kind switch
        {
            WorkerThreadKind.Loop => "loop",
            WorkerThreadKind.Pool => "pool",
            _ => "worker",
        });
        if (Owner is not null)
        {
            text.Append(" owner=").Append(Owner);
        }

        text.Append(" tid=").Append(ManagedThreadId.ToString(CultureInfo.InvariantCulture));
        text.Append(" nid=").Append(NativeThreadId?.ToString(CultureInfo.InvariantCulture) ?? "?");
        if (CurrentWork is null)
        {
            text.Append(Kind == WorkerThreadKind.Worker ? " running" : " idle");
        }
        else
        {
            text.Append(" running ").Append(CurrentWork).Append(" for ").Append(FormatElapsed(CurrentWorkElapsed ?? TimeSpan.Zero));
        }

        if (Kind != WorkerThreadKind.Worker)
        {
            text.Append(", ").Append(QueuedCount.ToString(CultureInfo.InvariantCulture)).Append(" queued");
        }

        return text.ToString();
    }

    internal static string FormatElapsed(TimeSpan elapsed) => elapsed.TotalSeconds >= 1
        ? elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
        : elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
