using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Functions.CustomHandler;

/// <summary>
/// What the Functions host POSTs to <c>/{FunctionName}</c>: <c>Data</c> holds the trigger and input bindings by
/// binding name, <c>Metadata</c> the trigger metadata (for a queue: <c>DequeueCount</c>, <c>Id</c>, ... and <c>sys</c>).
/// </summary>
public sealed record InvocationRequest(Dictionary<string, JsonElement>? Data, Dictionary<string, JsonElement>? Metadata)
{
    /// <summary>Reads a binding's queue message (<see cref="MessageJson"/>) as <typeparamref name="T"/>; on failure, <paramref name="error"/> says why.</summary>
    public bool TryRead<T>(string bindingName, [NotNullWhen(true)] out T? value, [NotNullWhen(false)] out string? error)
        where T : class
    {
        try
        {
            value = JsonSerializer.Deserialize<T>(TextOf(bindingName) ?? "null", MessageJson.Options);
            error = value is null ? $"The '{bindingName}' message is empty." : null;
        }
        catch (JsonException exception)
        {
            value = null;
            error = $"The '{bindingName}' message is not a {typeof(T).Name}: {exception.Message}";
        }

        return value is not null;
    }

    /// <summary>
    /// Reads a binding's message about one period and parses its period; on failure, <paramref name="error"/> says why
    /// (the message unreadable, or its period not like 2023-2024).
    /// </summary>
    public bool TryReadPeriodMessage<T>(string bindingName, [NotNullWhen(true)] out T? message, out Period period, [NotNullWhen(false)] out string? error)
        where T : class, IPeriodMessage
    {
        period = default;
        if (!TryRead(bindingName, out message, out error))
        {
            return false;
        }

        if (Period.TryParse(message.Period, out period))
        {
            return true;
        }

        error = $"The message names '{message.Period}', not a period like 2023-2024.";
        message = null;
        return false;
    }

    /// <summary>Which delivery of its queue message this invocation is (1 for the first), from the trigger metadata; 1 when absent.</summary>
    public int DequeueCount =>
        Metadata is not null && Metadata.TryGetValue("DequeueCount", out var count) && count.ValueKind == JsonValueKind.Number && count.TryGetInt32(out var value)
            ? value
            : 1;

    /// <summary>The text of a binding: a queue message arrives as a JSON string, or as the JSON itself.</summary>
    public string? TextOf(string bindingName) =>
        Data is not null && Data.TryGetValue(bindingName, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => value.GetRawText(),
            }
            : null;
}
