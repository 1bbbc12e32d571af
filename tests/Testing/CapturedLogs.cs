using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace KollegialtUtbyte.Testing;

/// <summary>
/// A logger provider that keeps every entry as text: category, message, structured values, the
/// exception and the scopes around it, so a test can search all that a log line would carry.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private static string Describe(object? state) => state switch
    {
        IEnumerable<KeyValuePair<string, object?>> values => string.Join(" ", values.Select(v => $"{v.Key}={v.Value}")),
        _ => state?.ToString() ?? "",
    };

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => logs._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            logs._scopes.ForEachScope((scope, list) => list.Add(Describe(scope)), scopes);
            logs._entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)} | {Describe(state)} | {exception} | scopes: {string.Join(" / ", scopes)}");
        }
    }
}
