using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace ThreadKit.Hosting.Tests;

/// <summary>
/// A logger provider for the real host that keeps every entry with the scopes that were open when it was written, as
/// any scope-aware provider (the console's, OpenTelemetry's) sees them.
/// </summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<Entry> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception, IReadOnlyList<object?> Scopes, string Thread)
    {
        public string? WorkerName => Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>()
            .SelectMany(scope => scope).Where(pair => pair.Key == "WorkerName").Select(pair => pair.Value as string).LastOrDefault();
    }

    private sealed class Logger(RecordingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<object?>();
            provider._scopes.ForEachScope(static (scope, list) => list.Add(scope), scopes);
            provider._entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception, scopes, NamedWorker.CurrentThreadName));
        }
    }
}
