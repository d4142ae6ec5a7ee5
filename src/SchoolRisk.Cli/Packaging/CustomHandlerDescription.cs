using System.Text.Json;

namespace SchoolRisk.Cli.Packaging;

/// <summary><c>customHandler.description</c> of <c>host.json</c>: how the Functions host starts the handler.</summary>
public sealed record CustomHandlerDescription(string DefaultExecutablePath, IReadOnlyList<string> Arguments, string? WorkingDirectory)
{
    public static CustomHandlerDescription? Read(JsonElement host)
    {
        if (!host.TryGetProperty("customHandler", out var handler) || !handler.TryGetProperty("description", out var description)
            || !description.TryGetProperty("defaultExecutablePath", out var path) || path.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var arguments = description.TryGetProperty("arguments", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(argument => argument.GetString() ?? string.Empty).ToList()
            : [];
        var workingDirectory = description.TryGetProperty("workingDirectory", out var folder) && folder.GetString() is { Length: > 0 } text ? text : null;
        return new CustomHandlerDescription(path.GetString()!, arguments, workingDirectory);
    }
}
