using System.Text.Json;

namespace SchoolRisk.LocalHost.Triggers;

/// <summary>The handler's answer to one invocation: success by HTTP status, and its <c>Outputs</c>, <c>Logs</c> and <c>ReturnValue</c>.</summary>
internal sealed record InvocationResult(bool Succeeded, string Status, JsonElement? Outputs, IReadOnlyList<string> Logs, JsonElement? ReturnValue)
{
    public JsonElement? Output(string bindingName) =>
        bindingName == "$return" ? ReturnValue
        : Outputs is { ValueKind: JsonValueKind.Object } outputs
            ? outputs.EnumerateObject()
                .Where(output => output.Name.Equals(bindingName, StringComparison.OrdinalIgnoreCase))
                .Select(output => (JsonElement?)output.Value)
                .FirstOrDefault()
            : null;
}
