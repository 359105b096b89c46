namespace ThreadKit;

/// <summary>
/// How a <see cref="WorkerPool"/>'s threads are made, for <see cref="WorkerPool(string?, int, WorkerPoolOptions)"/>.
/// Each option applies to every thread of the pool.
/// </summary>
public sealed class WorkerPoolOptions : WorkerThreadOptions
{
    /// <summary>Initializes a new instance of the <see cref="WorkerPoolOptions"/> class, with every option at its default.</summary>
    public WorkerPoolOptions()
        : base("the pool options")
    {
    }
}
