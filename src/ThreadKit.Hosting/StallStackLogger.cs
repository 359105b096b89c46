using System;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.Logging;

namespace ThreadKit.Hosting;

/// <summary>
/// Logs the stuck thread's stack after a stall, through the <c>ThreadKit.Diagnostics.Stacks</c> package, which it
/// reaches by name: the hosting package does not reference it, so that an app that does not want stacks takes neither
/// it nor its tracing dependencies.
/// </summary>
internal sealed class StallStackLogger : IDisposable
{
    private const string WorkerStacksType = "ThreadKit.WorkerStacks, ThreadKit.Diagnostics.Stacks";

    private static readonly Action<ILogger, string, Exception?> s_stack = LoggerMessage.Define<string>(
        LogLevel.Warning,
        new EventId(4, "ThreadStallStack"),
        "{StallStack}");

    private readonly ILogger _logger;
    private readonly PropertyInfo _captureOnStall;
    private readonly EventInfo _captured;
    private readonly Delegate _handler;

    private StallStackLogger(ILogger logger, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicEvents)] Type workerStacks)
    {
        _logger = logger;
        _captureOnStall = workerStacks.GetProperty("CaptureOnStall")!;
        _captured = workerStacks.GetEvent("StallStackCaptured")!;
        _handler = Delegate.CreateDelegate(_captured.EventHandlerType!, this, typeof(StallStackLogger).GetMethod(nameof(OnCaptured), BindingFlags.NonPublic | BindingFlags.Instance)!);
        _captured.AddEventHandler(null, _handler);
        _captureOnStall.SetValue(null, true);
    }

    /// <summary>Turns stall captures on, or throws if the stacks package is not part of the app.</summary>
    /// <exception cref="InvalidOperationException">The app does not reference <c>ThreadKit.Diagnostics.Stacks</c>.</exception>
    public static StallStackLogger Start(ILogger logger)
    {
        var workerStacks = Type.GetType(WorkerStacksType, throwOnError: false)
            ?? throw new InvalidOperationException(
                "ThreadKitDiagnosticsOptions.CaptureStacksOnStall is on, but the app does not reference the ThreadKit.Diagnostics.Stacks package, which captures the stacks. Add it (dotnet add package ThreadKit.Diagnostics.Stacks), or turn the option off.");
        return new StallStackLogger(logger, workerStacks);
    }

    public void Dispose()
    {
        _captureOnStall.SetValue(null, false);
        _captured.RemoveEventHandler(null, _handler);
    }

    // Bound to EventHandler<StallStackEventArgs> by parameter contravariance; the event's text is the stall's message,
    // then the stuck thread's block, or why there is none.
    private void OnCaptured(object? sender, EventArgs captured)
    {
        var stall = (WorkerStallEventArgs?)captured.GetType().GetProperty("Stall")?.GetValue(captured);
        using (_logger.BeginScope(new WorkerScope(stall?.Thread.Name ?? string.Empty)))
        {
            s_stack(_logger, captured.ToString()!, null);
        }
    }
}
