namespace ThreadKit;

/// <summary>What a thread that ThreadKit runs is for, as <see cref="WorkerDiagnostics.GetThreads"/> reports it.</summary>
public enum WorkerThreadKind
{
    /// <summary>A worker's own thread, started by <see cref="NamedWorker.Start"/>, a group or a <see cref="DelayedWorker"/>.</summary>
    Worker = 0,

    /// <summary>The thread of a <see cref="WorkerLoop"/>.</summary>
    Loop = 1,

    /// <summary>One of a <see cref="WorkerPool"/>'s threads, idle or running a job.</summary>
    Pool = 2,
}
