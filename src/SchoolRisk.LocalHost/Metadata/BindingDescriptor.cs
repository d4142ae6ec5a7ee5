using System.Text.Json;

namespace SchoolRisk.LocalHost.Metadata;

/// <summary>
/// One binding of a function as the worker declares it: an entry of <c>RpcFunctionMetadata.raw_bindings</c> (the same
/// JSON as in <c>functions.metadata</c>), read ignoring the case of its keys. Only the keys the local host acts on are
/// kept; <c>%Setting%</c> and <c>{expressions}</c> are left as written.
/// </summary>
/// <param name="Name">A parameter name, <c>$return</c>, or a property of a multi-output POCO.</param>
/// <param name="Type">For example <c>queueTrigger</c>, <c>queue</c>, <c>blob</c>, <c>httpTrigger</c>, <c>http</c>.</param>
/// <param name="Direction"><c>In</c>, <c>Out</c> or <c>InOut</c>.</param>
/// <param name="DataType"><c>String</c>, <c>Binary</c>, <c>Stream</c>, or <c>null</c> (undefined).</param>
/// <param name="QueueName">A queue binding's <c>queueName</c>.</param>
/// <param name="BlobPath">A blob binding's <c>blobPath</c> (<c>path</c> in older metadata): <c>{container}/{name}</c>.</param>
/// <param name="Connection">The connection setting's name; <c>null</c> for <c>AzureWebJobsStorage</c>.</param>
/// <param name="Route">An HTTP trigger's route template; <c>null</c> when it is the function's name.</param>
/// <param name="Methods">An HTTP trigger's methods, upper case; empty for all.</param>
/// <param name="AuthLevel">An HTTP trigger's <c>authLevel</c>, lower case (<c>function</c> by default).</param>
public sealed record BindingDescriptor(
    string Name,
    string Type,
    string Direction,
    string? DataType,
    string? QueueName,
    string? BlobPath,
    string? Connection,
    string? Route,
    IReadOnlyList<string> Methods,
    string AuthLevel)
{
    public bool IsIn => !IsOut;

    public bool IsOut => Direction.Equals("Out", StringComparison.OrdinalIgnoreCase);

    public bool IsTrigger => Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase);

    public bool Is(string type) => Type.Equals(type, StringComparison.OrdinalIgnoreCase);

    /// <exception cref="InvalidOperationException">The JSON has no <c>name</c>, <c>type</c> or <c>direction</c>.</exception>
    public static BindingDescriptor Parse(string json, string function)
    {
        using var document = JsonDocument.Parse(json);
        var properties = document.RootElement.EnumerateObject()
            .GroupBy(property => property.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.First().Value.Clone(), StringComparer.OrdinalIgnoreCase);
        string? Text(string name) => properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        string Required(string name) => Text(name) ?? throw new InvalidOperationException($"Function {function}: a binding has no '{name}': {json}");

        var methods = properties.TryGetValue("methods", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(method => method.GetString()!.ToUpperInvariant()).ToList()
            : [];
        return new BindingDescriptor(
            Required("name"),
            Required("type"),
            Required("direction"),
            Text("dataType"),
            Text("queueName"),
            Text("blobPath") ?? Text("path"),
            Text("connection"),
            Text("route"),
            methods,
            (Text("authLevel") ?? "function").ToLowerInvariant());
    }
}
