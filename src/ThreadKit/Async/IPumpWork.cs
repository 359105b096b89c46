namespace ThreadKit;

/// <summary>
/// Work that runs itself on a pump's thread, such as a loop's <c>InvokeAsync</c> call. Being one object, it can be
/// handed to an idle pump through a single slot, without the queue's lock.
/// </summary>
internal interface IPumpWork
{
    /// <summary>On the pump's thread: runs the work and reports its outcome.</summary>
    void Run();
}
