using System;
using System.Diagnostics;
using System.Threading;

namespace ThreadKit;

/// <summary>
/// State that most workers never need: options, stop machinery, group membership and trace parentage. It lives
/// apart from <see cref="NamedWorker"/> and is allocated on first use, so a plain worker stays one small object.
/// </summary>
internal sealed class WorkerExtras
{
    public ThreadSpec? Thread;
    public CancellationTokenSource? StopSource;
    public CancellationToken ExternalStopToken;
    public CancellationTokenRegistration ExternalStopRegistration;
    public WorkerGroup? Group;
    public ActivityContext ParentActivity;
    public Action<WorkerExceptionEventArgs>? UnhandledExceptionHandler;
}
