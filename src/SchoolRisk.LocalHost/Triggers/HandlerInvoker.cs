using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SchoolRisk.LocalHost.Triggers;

/// <summary>Invokes a function of the custom handler as the Functions host does: <c>POST /{FunctionName}</c> with <c>Data</c> and <c>Metadata</c>.</summary>
internal sealed class HandlerInvoker(HttpClient http)
{
    public async Task<InvocationResult> InvokeAsync(string functionName, JsonObject payload, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync(functionName, payload, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = $"HTTP {(int)response.StatusCode}";
            if (!TryParse(body, out var root))
            {
                return new InvocationResult(response.IsSuccessStatusCode, status, null, body.Length > 0 ? [body] : [], null);
            }

            return new InvocationResult(
                response.IsSuccessStatusCode,
                status,
                Property(root, "Outputs"),
                Property(root, "Logs") is { ValueKind: JsonValueKind.Array } logs ? [.. logs.EnumerateArray().Select(log => log.ToString())] : [],
                Property(root, "ReturnValue"));
        }
        catch (HttpRequestException exception)
        {
            return new InvocationResult(false, "handler unreachable", null, [exception.Message], null);
        }
    }

    private static bool TryParse(string body, out JsonElement root)
    {
        try
        {
            root = JsonDocument.Parse(body).RootElement;
            return root.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            root = default;
            return false;
        }
    }

    /// <summary>A top-level property, matched ignoring case as the Functions host does.</summary>
    private static JsonElement? Property(JsonElement root, string name) =>
        root.EnumerateObject()
            .Where(property => property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(property => (JsonElement?)property.Value)
            .FirstOrDefault(value => value?.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined));
}
