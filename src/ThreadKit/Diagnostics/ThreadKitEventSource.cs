using System;
#if NET
using System.Diagnostics.CodeAnalysis;
#endif
using System.Diagnostics.Tracing;

namespace ThreadKit;

/// <summary>
/// The <c>ThreadKit</c> event source, beside the <c>ThreadKit</c> meter and activity source, for tracing tools:
/// <c>dotnet-trace collect --providers ThreadKit</c>, PerfView, or an <see cref="EventListener"/>. It tells which
/// thread is which, which traces cannot tell otherwise (dotnet/runtime#102326): thread start and stop, a pool thread
/// taking a job's name and getting its own back, and stalls. Enabling it emits a rundown of the live threads, so a
/// trace started late still learns every name.
/// </summary>
/// <remarks>Every event is written only when the source is enabled; otherwise each call is one field check.</remarks>
[EventSource(Name = "ThreadKit")]
internal sealed unsafe class ThreadKitEventSource : EventSource
{
    public static readonly ThreadKitEventSource Log = new();

    private const int ThreadStartedId = 1;
    private const int ThreadStoppedId = 2;
    private const int JobStartedId = 3;
    private const int JobEndedId = 4;
    private const int StallId = 5;
    private const int ThreadRundownId = 6;

    private ThreadKitEventSource()
    {
    }

    /// <summary>A thread ThreadKit runs has started.</summary>
    [Event(ThreadStartedId, Level = EventLevel.Informational, Message = "Thread '{0}' ({1}) started: managed id {2}, native id {3}.")]
    public void ThreadStarted(string name, WorkerThreadKind kind, int managedThreadId, long nativeThreadId)
    {
        if (IsEnabled())
        {
            WriteThread(ThreadStartedId, name, kind, managedThreadId, nativeThreadId);
        }
    }

    /// <summary>A thread ThreadKit runs has ended.</summary>
    [Event(ThreadStoppedId, Level = EventLevel.Informational, Message = "Thread '{0}' ({1}) ended: managed id {2}, native id {3}.")]
    public void ThreadStopped(string name, WorkerThreadKind kind, int managedThreadId, long nativeThreadId)
    {
        if (IsEnabled())
        {
            WriteThread(ThreadStoppedId, name, kind, managedThreadId, nativeThreadId);
        }
    }

    /// <summary>A pool thread has taken a job's name, for the job's run.</summary>
    [Event(JobStartedId, Level = EventLevel.Verbose, Message = "Pool thread '{1}' (managed id {2}, native id {3}) runs job '{0}'.")]
    public void JobStarted(string jobName, string poolThreadName, int managedThreadId, long nativeThreadId)
    {
        if (IsEnabled(EventLevel.Verbose, EventKeywords.All))
        {
            WriteJob(JobStartedId, jobName, poolThreadName, managedThreadId, nativeThreadId);
        }
    }

    /// <summary>A pool thread has finished a job and taken its own name back.</summary>
    [Event(JobEndedId, Level = EventLevel.Verbose, Message = "Pool thread '{1}' (managed id {2}, native id {3}) finished job '{0}'.")]
    public void JobEnded(string jobName, string poolThreadName, int managedThreadId, long nativeThreadId)
    {
        if (IsEnabled(EventLevel.Verbose, EventKeywords.All))
        {
            WriteJob(JobEndedId, jobName, poolThreadName, managedThreadId, nativeThreadId);
        }
    }

    /// <summary>A live thread, listed when the source is enabled.</summary>
    [Event(ThreadRundownId, Level = EventLevel.Informational, Message = "Thread '{0}' ({1}) is alive: managed id {2}, native id {3}.")]
    public void ThreadRundown(string name, WorkerThreadKind kind, int managedThreadId, long nativeThreadId)
    {
        if (IsEnabled())
        {
            WriteThread(ThreadRundownId, name, kind, managedThreadId, nativeThreadId);
        }
    }

    [NonEvent]
    public void Stall(WorkerStallEventArgs stall)
    {
        if (IsEnabled(EventLevel.Warning, EventKeywords.All))
        {
            var thread = stall.Thread;
            Stall(thread.Name, thread.Kind, thread.Owner ?? string.Empty, thread.CurrentWork ?? string.Empty, stall.Elapsed.TotalMilliseconds, thread.QueuedCount, thread.NativeThreadId ?? 0, stall.Message);
        }
    }

    /// <summary>Work has run past its owner's stall threshold.</summary>
    [Event(StallId, Level = EventLevel.Warning, Message = "{7}")]
#if NET
    [UnconditionalSuppressMessage("ReflectionAnalysis", "IL2026", Justification = "Only strings and primitive values are written, which the trimmer keeps.")]
#endif
    public void Stall(string threadName, WorkerThreadKind kind, string owner, string work, double elapsedMilliseconds, int queuedCount, long nativeThreadId, string message)
    {
        fixed (char* threadNameChars = threadName)
        fixed (char* ownerChars = owner)
        fixed (char* workChars = work)
        fixed (char* messageChars = message)
        {
            var kindValue = (int)kind;
            var data = stackalloc EventData[8];
            data[0] = Text(threadNameChars, threadName);
            data[1] = Value(&kindValue, sizeof(int));
            data[2] = Text(ownerChars, owner);
            data[3] = Text(workChars, work);
            data[4] = Value(&elapsedMilliseconds, sizeof(double));
            data[5] = Value(&queuedCount, sizeof(int));
            data[6] = Value(&nativeThreadId, sizeof(long));
            data[7] = Text(messageChars, message);
            WriteEventCore(StallId, 8, data);
        }
    }

    /// <summary>A trace started late still learns every thread's name: enabling the source lists the live threads.</summary>
    protected override void OnEventCommand(EventCommandEventArgs command)
    {
        if (command.Command != EventCommand.Enable)
        {
            return;
        }

        foreach (var thread in ThreadWatch.Snapshot())
        {
            ThreadRundown(thread.Name, thread.Kind, thread.ManagedThreadId, thread.NativeThreadId ?? 0);
        }
    }

    private static EventData Text(char* chars, string text) =>
        new() { DataPointer = (IntPtr)chars, Size = (text.Length + 1) * sizeof(char) };

    private static EventData Value(void* value, int size) => new() { DataPointer = (IntPtr)value, Size = size };

#if NET
    [UnconditionalSuppressMessage("ReflectionAnalysis", "IL2026", Justification = "Only strings and primitive values are written, which the trimmer keeps.")]
#endif
    private void WriteThread(int eventId, string name, WorkerThreadKind kind, int managedThreadId, long nativeThreadId)
    {
        fixed (char* nameChars = name)
        {
            var kindValue = (int)kind;
            var data = stackalloc EventData[4];
            data[0] = Text(nameChars, name);
            data[1] = Value(&kindValue, sizeof(int));
            data[2] = Value(&managedThreadId, sizeof(int));
            data[3] = Value(&nativeThreadId, sizeof(long));
            WriteEventCore(eventId, 4, data);
        }
    }

#if NET
    [UnconditionalSuppressMessage("ReflectionAnalysis", "IL2026", Justification = "Only strings and primitive values are written, which the trimmer keeps.")]
#endif
    private void WriteJob(int eventId, string jobName, string poolThreadName, int managedThreadId, long nativeThreadId)
    {
        fixed (char* jobChars = jobName)
        fixed (char* threadChars = poolThreadName)
        {
            var data = stackalloc EventData[4];
            data[0] = Text(jobChars, jobName);
            data[1] = Text(threadChars, poolThreadName);
            data[2] = Value(&managedThreadId, sizeof(int));
            data[3] = Value(&nativeThreadId, sizeof(long));
            WriteEventCore(eventId, 4, data);
        }
    }
}
