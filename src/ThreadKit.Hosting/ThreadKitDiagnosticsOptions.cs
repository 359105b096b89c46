namespace ThreadKit.Hosting;

/// <summary>How <c>AddThreadKitDiagnostics</c> reports ThreadKit's diagnostics through the host.</summary>
public sealed class ThreadKitDiagnosticsOptions
{
    /// <summary>
    /// Gets or sets a value indicating whether each stall is followed in the log by the stuck thread's stack, captured
    /// in-process by the <c>ThreadKit.Diagnostics.Stacks</c> package, which the app must reference (the hosting package
    /// does not carry it, so that apps without it take no diagnostics dependency). It turns on that package's
    /// <c>WorkerStacks.CaptureOnStall</c> while the host runs, with its rate limit: one capture in flight, and at most
    /// one per <c>WorkerStacks.StallCaptureInterval</c>. The default is <see langword="false"/>.
    /// </summary>
    public bool CaptureStacksOnStall { get; set; }
}
