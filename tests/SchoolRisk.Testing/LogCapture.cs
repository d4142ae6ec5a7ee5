using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SchoolRisk.Testing;

/// <summary>One log entry as a logger provider receives it: its category, level, message, and the name/value pairs of its state.</summary>
public sealed record LogEntry(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, string?> Fields, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message}";
}

/// <summary>
/// A logger provider that keeps every entry, with the fields of its state (a structured log's
/// <c>IReadOnlyList&lt;KeyValuePair&lt;string, object?&gt;&gt;</c>, as the local host writes the worker's lines).
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>A logger factory that writes here only, from Debug on.</summary>
    public ILoggerFactory CreateFactory() => LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(this));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.GroupBy(pair => pair.Key).ToDictionary(group => group.Key, group => group.Last().Value?.ToString())
                : [];
            entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), fields, exception));
        }
    }
}
