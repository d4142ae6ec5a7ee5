using System.Text.Json;

namespace SchoolRisk.LocalHost.Manifest;

/// <summary>
/// A function app as Azure reads it: <c>host.json</c> at the script root and one folder per function holding its
/// <c>function.json</c>. The local host reads the very files that ship, so the two cannot drift. HTTP routes start
/// with <see cref="HttpRoutePrefix"/>: <c>extensions.http.routePrefix</c>, default <c>api</c>.
/// </summary>
public sealed record FunctionAppManifest(
    string ScriptRoot, QueuesSettings Queues, IReadOnlyList<FunctionDefinition> Functions, CustomHandlerDescription? Handler, string HttpRoutePrefix)
{
    private static readonly JsonDocumentOptions Json = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static FunctionAppManifest Load(string scriptRoot)
    {
        var hostJson = Path.Combine(scriptRoot, "host.json");
        if (!File.Exists(hostJson))
        {
            throw new InvalidOperationException($"No host.json in '{Path.GetFullPath(scriptRoot)}': that is not a function app's root.");
        }

        using var host = JsonDocument.Parse(File.ReadAllText(hostJson), Json);
        var extensions = host.RootElement.TryGetProperty("extensions", out var section) ? section : default;
        var hasExtensions = extensions.ValueKind == JsonValueKind.Object;
        JsonElement? queues = hasExtensions && extensions.TryGetProperty("queues", out var q) ? q.Clone() : null;
        var routePrefix = hasExtensions && extensions.TryGetProperty("http", out var http) ? Optional(http, "routePrefix") : null;

        var functions = Directory.EnumerateDirectories(scriptRoot)
            .Where(folder => File.Exists(Path.Combine(folder, "function.json")))
            .Order(StringComparer.Ordinal)
            .Select(ReadFunction)
            .ToList();
        return new FunctionAppManifest(Path.GetFullPath(scriptRoot), QueuesSettings.Read(queues), functions, CustomHandlerDescription.Read(host.RootElement), routePrefix ?? "api");
    }

    private static FunctionDefinition ReadFunction(string folder)
    {
        var path = Path.Combine(folder, "function.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path), Json);
        var bindings = document.RootElement.GetProperty("bindings").EnumerateArray()
            .Select(binding => new BindingDefinition(
                Required(binding, "name", path),
                Required(binding, "type", path),
                Required(binding, "direction", path),
                Optional(binding, "queueName"),
                Optional(binding, "connection"))
            {
                Route = Optional(binding, "route"),
                Methods = binding.TryGetProperty("methods", out var methods) && methods.ValueKind == JsonValueKind.Array
                    ? [.. methods.EnumerateArray().Select(method => method.GetString()!.ToUpperInvariant())]
                    : [],
                AuthLevel = Optional(binding, "authLevel"),
            })
            .ToList();
        return new FunctionDefinition(Path.GetFileName(folder), bindings);
    }

    private static string Required(JsonElement binding, string name, string path) =>
        Optional(binding, name) ?? throw new InvalidOperationException($"{path}: a binding has no '{name}'.");

    private static string? Optional(JsonElement binding, string name) =>
        binding.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
