using System.Text.Json;

namespace SchoolRisk.Functions.CustomHandler;

/// <summary>
/// What the Functions host POSTs to <c>/{FunctionName}</c>: <c>Data</c> holds the trigger and input bindings by
/// binding name, <c>Metadata</c> the trigger metadata (for a queue: <c>DequeueCount</c>, <c>Id</c>, ... and <c>sys</c>).
/// </summary>
public sealed record InvocationRequest(Dictionary<string, JsonElement>? Data, Dictionary<string, JsonElement>? Metadata)
{
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
