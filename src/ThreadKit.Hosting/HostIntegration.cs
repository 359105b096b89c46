using System;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ThreadKit.Hosting;

/// <summary>What a hosted worker takes from its host: a logger, the application's lifetime, and the host's options.</summary>
internal sealed class HostIntegration
{
    private static readonly Action<ILogger, string, Exception?> s_failedStoppingHost = LoggerMessage.Define<string>(
        LogLevel.Error,
        new EventId(1, "NamedWorkerFailed"),
        "Hosted worker '{WorkerName}' failed: an exception escaped its Execute. The host is stopping, as HostOptions.BackgroundServiceExceptionBehavior is StopHost.");

    private static readonly Action<ILogger, string, Exception?> s_failedIgnored = LoggerMessage.Define<string>(
        LogLevel.Error,
        new EventId(1, "NamedWorkerFailed"),
        "Hosted worker '{WorkerName}' failed: an exception escaped its Execute. The host keeps running, as HostOptions.BackgroundServiceExceptionBehavior is Ignore.");

    private static readonly Action<ILogger, string, TimeSpan, Exception?> s_didNotStop = LoggerMessage.Define<string, TimeSpan>(
        LogLevel.Warning,
        new EventId(2, "NamedWorkerDidNotStop"),
        "Hosted worker '{WorkerName}' did not stop within the host's shutdown timeout ({ShutdownTimeout}). The host goes on stopping; the worker's background thread ends with the process. Make Execute return when its stopping token is signalled.");

    private readonly ILogger _logger;
    private readonly IHostApplicationLifetime? _lifetime;
    private readonly HostOptions _options;

    private HostIntegration(ILogger logger, IHostApplicationLifetime? lifetime, HostOptions options)
    {
        _logger = logger;
        _lifetime = lifetime;
        _options = options;
    }

    public static HostIntegration From(IServiceProvider services, string loggerCategory) => new(
        (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(loggerCategory),
        services.GetService<IHostApplicationLifetime>(),
        services.GetService<IOptions<HostOptions>>()?.Value ?? new HostOptions());

    public IDisposable? BeginScope(string workerName) => _logger.BeginScope(new WorkerScope(workerName));

    /// <summary>Runs on the worker's thread, once, in place of ThreadKit's own report.</summary>
    public void ReportFault(NamedWorkerService service, WorkerExceptionEventArgs fault)
    {
        if (fault.Exception is OperationCanceledException && fault.Worker.IsStopRequested)
        {
            return;
        }

        var stopHost = _options.BackgroundServiceExceptionBehavior == BackgroundServiceExceptionBehavior.StopHost;
        using (BeginScope(service.Name))
        {
            (stopHost ? s_failedStoppingHost : s_failedIgnored)(_logger, service.Name, fault.Exception);
        }

        if (stopHost && _lifetime is { } lifetime)
        {
            // Not on the worker's thread: stopping the host waits for this very worker in StopAsync.
            ThreadPool.UnsafeQueueUserWorkItem(static lifetime => lifetime.StopApplication(), lifetime, preferLocal: false);
        }
    }

    public void ReportLateStop(NamedWorkerService service) => s_didNotStop(_logger, service.Name, _options.ShutdownTimeout, null);
}
