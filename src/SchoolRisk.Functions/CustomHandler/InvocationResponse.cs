using System.Text.Json.Serialization;

namespace SchoolRisk.Functions.CustomHandler;

/// <summary>
/// What the handler answers: <c>Outputs</c> by output binding name, <c>Logs</c> for the invocation log and
/// <c>ReturnValue</c> for a <c>$return</c> binding. A non-success HTTP status fails the invocation, and the host retries
/// the message.
/// </summary>
public sealed record InvocationResponse(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] object? ReturnValue = null)
{
    public static InvocationResponse Log(params IReadOnlyList<string> logs) => new(new Dictionary<string, object?>(), logs);
}
