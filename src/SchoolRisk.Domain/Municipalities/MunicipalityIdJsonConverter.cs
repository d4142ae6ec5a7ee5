using System.Text.Json;
using System.Text.Json.Serialization;

namespace SchoolRisk.Domain.Municipalities;

/// <summary>
/// Writes a <see cref="MunicipalityId"/> as its plain text, <c>"gatchinsky"</c> (also as a property name), so JSON stays as it was when
/// the id was a string; reading text that is not one, or <c>null</c>, throws <see cref="JsonException"/>.
/// </summary>
public sealed class MunicipalityIdJsonConverter : JsonConverter<MunicipalityId>
{
    public override MunicipalityId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString());

    public override void Write(Utf8JsonWriter writer, MunicipalityId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }

    public override MunicipalityId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, MunicipalityId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.ToString());
    }

    private static MunicipalityId Parse(string? text) =>
        MunicipalityId.TryParse(text, out var id) ? id : throw new JsonException($"'{text}' is not a municipality id (1 to 63 Latin lower-case letters, digits and hyphens).");
}
