using System.Text.Json;
using SchoolRisk.Cli;

namespace SchoolRisk.Testing;

/// <summary>
/// What the Functions host reads of the function app's build output (<see cref="LocalDeployment.FunctionAppPath"/>):
/// <c>host.json</c>, and <c>functions.metadata</c>, which the Worker SDK writes from the <c>[Function]</c> attributes.
/// </summary>
public static class FunctionAppFiles
{
    /// <summary>The app's <c>host.json</c>.</summary>
    public static JsonDocument HostJson() => JsonDocument.Parse(File.ReadAllText(Path.Combine(LocalDeployment.FunctionAppPath, "host.json")));

    /// <summary>Every binding of every function: (function, binding type, queue name or <c>null</c>).</summary>
    public static IReadOnlyList<(string Function, string Type, string? QueueName)> Bindings()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(LocalDeployment.FunctionAppPath, "functions.metadata")));
        return [.. metadata.RootElement.EnumerateArray().SelectMany(function => function.GetProperty("bindings").EnumerateArray().Select(binding => (
            function.GetProperty("name").GetString()!,
            binding.GetProperty("type").GetString()!,
            binding.TryGetProperty("queueName", out var queue) ? queue.GetString() : null)))];
    }
}
