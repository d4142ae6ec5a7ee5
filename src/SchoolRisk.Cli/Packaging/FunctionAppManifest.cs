using System.Text.Json;

namespace SchoolRisk.Cli.Packaging;

/// <summary>
/// A custom-handler function app as Azure reads it: <c>host.json</c> at the script root (with
/// <c>customHandler.description</c>) and one folder per function holding its <c>function.json</c>. The package
/// (<see cref="FunctionPackage"/>) is made of the very files this reads.
/// </summary>
public sealed record FunctionAppManifest(string ScriptRoot, IReadOnlyList<FunctionDefinition> Functions, CustomHandlerDescription? Handler)
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
        var functions = Directory.EnumerateDirectories(scriptRoot)
            .Where(folder => File.Exists(Path.Combine(folder, "function.json")))
            .Order(StringComparer.Ordinal)
            .Select(ReadFunction)
            .ToList();
        return new FunctionAppManifest(Path.GetFullPath(scriptRoot), functions, CustomHandlerDescription.Read(host.RootElement));
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
                Optional(binding, "connection")))
            .ToList();
        return new FunctionDefinition(Path.GetFileName(folder), bindings);
    }

    private static string Required(JsonElement binding, string name, string path) =>
        Optional(binding, name) ?? throw new InvalidOperationException($"{path}: a binding has no '{name}'.");

    private static string? Optional(JsonElement binding, string name) =>
        binding.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
