using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace SchoolRisk.LocalHost.Logging;

/// <summary>
/// The worker process's standard output and error, line by line, logged as the Functions host logs them
/// (<c>WorkerProcess.ParseErrorMessageAndLog</c> in Azure/azure-functions-host) under <see cref="Category"/>: an output
/// line at Information; an error line at Warning when it mentions "warn", at Error when it mentions "error", "fail",
/// "severe" or "unhandled exception", at Information otherwise.
/// <para>
/// A line written by <c>Microsoft.Extensions.Logging</c>'s JSON console formatter (an object with <c>Message</c>,
/// <c>LogLevel</c>, and <c>State</c> and <c>Scopes</c> when the app logs them) is logged as the entry it was: its
/// message at its level, with every field of its scopes and state as the fields of a <see cref="LogFields"/> state.
/// This is how an app's scope fields reach the host: the worker's gRPC log messages carry neither state nor scopes
/// (<c>GrpcFunctionsHostLogWriter</c> in Azure/azure-functions-dotnet-worker).
/// </para>
/// </summary>
internal sealed class WorkerConsoleLog(ILoggerFactory loggers)
{
    /// <summary>The Functions host's category for its workers' console output (<c>WorkerConstants.ConsoleLogCategoryName</c>).</summary>
    public const string Category = "Host.Function.Console";

    private readonly ILogger _logger = loggers.CreateLogger(Category);

    /// <summary>Logs one line; <c>null</c> (the end of the stream) and blank lines are skipped.</summary>
    public void Write(string? line, bool isError)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        if (TryParseJsonEntry(line) is { } entry)
        {
            _logger.Log(entry.Level, default, entry.Fields, null, static (fields, _) => fields.ToString());
            return;
        }

        var level = !isError ? LogLevel.Information
            : Mentions(line, "warn") ? LogLevel.Warning
            : Mentions(line, "error") || Mentions(line, "fail") || Mentions(line, "severe") || Mentions(line, "unhandled exception") ? LogLevel.Error
            : LogLevel.Information;
        _logger.Log(level, default, new LogFields(line), null, static (fields, _) => fields.ToString());
    }

    /// <summary>A JSON console formatter line: its level, message and fields (scopes first, the state's win); <c>null</c> for any other line.</summary>
    internal static (LogLevel Level, LogFields Fields)? TryParseJsonEntry(string line)
    {
        if (!line.StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Message", out var message) || message.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var level = root.TryGetProperty("LogLevel", out var text) && Enum.TryParse<LogLevel>(text.GetString(), out var parsed) ? parsed : LogLevel.Information;
            var fields = new LogFields(message.GetString()!);
            if (root.TryGetProperty("Category", out var category) && category.ValueKind == JsonValueKind.String)
            {
                fields.Set("Category", category.GetString());
            }

            var objects = root.TryGetProperty("Scopes", out var scopes) && scopes.ValueKind == JsonValueKind.Array
                ? scopes.EnumerateArray().Where(scope => scope.ValueKind == JsonValueKind.Object).ToList()
                : [];
            if (root.TryGetProperty("State", out var state) && state.ValueKind == JsonValueKind.Object)
            {
                objects.Add(state);
            }

            foreach (var property in objects.SelectMany(item => item.EnumerateObject())
                .Where(property => property.Name is not ("Message" or LogFields.OriginalFormat)))
            {
                fields.Set(property.Name, Value(property.Value));
            }

            if (root.TryGetProperty("Exception", out var exception) && exception.ValueKind == JsonValueKind.String)
            {
                fields.Set("Exception", exception.GetString());
            }

            return (level, fields);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    private static bool Mentions(string line, string word) => line.Contains(word, StringComparison.OrdinalIgnoreCase);
}
