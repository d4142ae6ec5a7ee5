using System.Text.Json;
using System.Text.Json.Serialization;

namespace SchoolRisk.Domain.Schools;

/// <summary>
/// Writes a <see cref="SchoolId"/> as its plain text, <c>"gatchinsky-001"</c> (also as a property name), so JSON stays as it was when
/// the id was a string; reading text that is not one, or <c>null</c>, throws <see cref="JsonException"/>.
/// </summary>
public sealed class SchoolIdJsonConverter : JsonConverter<SchoolId>
{
    public override SchoolId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString());

    public override void Write(Utf8JsonWriter writer, SchoolId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }

    public override SchoolId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, SchoolId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.ToString());
    }

    private static SchoolId Parse(string? text) =>
        SchoolId.TryParse(text, out var value) ? value : throw new JsonException($"'{text}' is not a school id (1 to 64 Latin letters, digits, «-», «_», «.», beginning with a letter or digit).");
}
