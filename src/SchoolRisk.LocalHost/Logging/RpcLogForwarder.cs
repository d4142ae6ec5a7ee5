using System.Text.Json;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;
using Microsoft.Extensions.Logging;
using SchoolRisk.LocalHost.Bindings;

namespace SchoolRisk.LocalHost.Logging;

/// <summary>
/// The worker's <c>RpcLog</c> messages, logged on the host's side. A log of an invocation the host is running goes to
/// <c>Function.{Name}.User</c>, the category the Functions host gives a function's user logs
/// (<c>LogCategories.CreateFunctionUserCategory</c>, set in <c>RpcFunctionInvocationDispatcher</c>); any other log
/// (the worker's own, of System category, or one outside an invocation) goes to <see cref="SystemCategory"/>. The level
/// is the RpcLog's (Trace 0 … Critical 5, as <c>LogLevel</c>; None is dropped). The state is a <see cref="LogFields"/>
/// with <c>InvocationId</c>, the worker's logger category as <c>WorkerCategory</c>, and whatever the worker put in
/// <c>properties</c> (a JSON object) and <c>propertiesMap</c>: worker 2.52 fills these only for custom metrics, never
/// with a log's state or scopes (<c>GrpcFunctionsHostLogWriter</c>), so an app's scope fields come through
/// <see cref="WorkerConsoleLog"/> instead.
/// </summary>
internal sealed class RpcLogForwarder(ILoggerFactory loggers)
{
    /// <summary>The category of the worker's own logs.</summary>
    public const string SystemCategory = "Worker";

    private readonly ILogger _system = loggers.CreateLogger(SystemCategory);

    /// <param name="log">The message.</param>
    /// <param name="functionName">The function of the log's invocation, when the host is running it.</param>
    public void Write(RpcLog log, string? functionName)
    {
        var level = (LogLevel)(int)log.Level;
        if (level == LogLevel.None)
        {
            return;
        }

        var logger = functionName is not null && log.LogCategory != RpcLog.Types.RpcLogCategory.System
            ? loggers.CreateLogger($"Function.{functionName}.User")
            : _system;
        var fields = new LogFields(log.Message);
        if (log.InvocationId.Length > 0)
        {
            fields.Set("InvocationId", log.InvocationId);
        }

        if (log.Category.Length > 0)
        {
            fields.Set("WorkerCategory", log.Category);
        }

        AddProperties(fields, log.Properties);
        foreach (var (name, value) in log.PropertiesMap)
        {
            fields.Set(name, TypedDataValue.ToObject(value));
        }

        var exception = log.Exception is null ? null : new WorkerException(log.Exception);
        logger.Log(level, new EventId(0, log.EventId), fields, exception, static (state, _) => state.ToString());
    }

    private static void AddProperties(LogFields fields, string properties)
    {
        if (string.IsNullOrWhiteSpace(properties))
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(properties);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    fields.Set(property.Name, property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText());
                }
            }
        }
        catch (JsonException)
        {
            fields.Set("Properties", properties);
        }
    }
}
