using System;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ThreadKit.Tests;

namespace ThreadKit.Hosting.Tests;

/// <summary>Builds a real generic host, with <see cref="Host.CreateApplicationBuilder()"/>, that records its logs.</summary>
internal static class TestHost
{
    public static (IHost Host, RecordingLoggerProvider Logs) Build(Action<IServiceCollection> configure, Action<HostOptions>? options = null)
    {
        var builder = Host.CreateApplicationBuilder();
        var logs = new RecordingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Services.Configure<HostOptions>(host =>
        {
            host.ShutdownTimeout = TestBase.UnexpectedTimeout;
            options?.Invoke(host);
        });
        configure(builder.Services);
        return (builder.Build(), logs);
    }

    public static async Task StopAndDisposeAsync(IHost host)
    {
        await host.StopAsync();
        host.Dispose();
    }
}
