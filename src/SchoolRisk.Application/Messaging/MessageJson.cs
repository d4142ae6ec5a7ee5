using System.Text.Json;
using System.Text.Json.Serialization;

namespace SchoolRisk.Application.Messaging;

/// <summary>
/// The one JSON of every queue message the workflow writes or reads, whoever writes it (a function's output, the CLI, a
/// test): property names as declared (PascalCase), enums as camelCase strings; names read case-insensitively, so a
/// message written in camelCase (as the CLI once did) still reads.
/// </summary>
public static class MessageJson
{
    /// <summary>The options; read-only once made (serializing with them freezes them).</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        PropertyNameCaseInsensitive = true,
    };

    /// <summary>The text of <paramref name="message"/> on its queue.</summary>
    public static string Serialize<T>(T message) => JsonSerializer.Serialize(message, Options);
}
