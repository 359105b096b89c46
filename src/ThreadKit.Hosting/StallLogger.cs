using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ThreadKit.Hosting;

/// <summary>
/// Reports every stall that <see cref="WorkerDiagnostics"/> detects as a warning in the host's log, in category
/// <c>ThreadKit</c>, within a scope that names the stuck thread, and, with
/// <see cref="ThreadKitDiagnosticsOptions.CaptureStacksOnStall"/>, the stuck thread's stack after it. Added once by
/// <c>AddThreadKitDiagnostics</c>, which every <c>AddNamedWorker</c> call makes.
/// </summary>
internal sealed class StallLogger(ILoggerFactory loggers, IOptions<ThreadKitDiagnosticsOptions> options) : IHostedService, IDisposable
{
    public const string Category = "ThreadKit";

    private static readonly Action<ILogger, string, Exception?> s_stalled = LoggerMessage.Define<string>(
        LogLevel.Warning,
        new EventId(3, "ThreadStalled"),
        "{StallMessage}");

    private readonly ILogger _logger = loggers.CreateLogger(Category);
    private int _subscribed;
    private StallStackLogger? _stacks;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _subscribed, 1) == 0)
        {
            // Checked before the stall subscription, so that a missing stacks package fails the start and leaves nothing behind.
            _stacks = options.Value.CaptureStacksOnStall ? StallStackLogger.Start(_logger) : null;
            WorkerDiagnostics.StallDetected += OnStall;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _subscribed, 0) == 1)
        {
            WorkerDiagnostics.StallDetected -= OnStall;
            Interlocked.Exchange(ref _stacks, null)?.Dispose();
        }
    }

    private void OnStall(object? sender, WorkerStallEventArgs stall)
    {
        using (_logger.BeginScope(new WorkerScope(stall.Thread.Name)))
        {
            s_stalled(_logger, stall.Message, null);
        }
    }
}
