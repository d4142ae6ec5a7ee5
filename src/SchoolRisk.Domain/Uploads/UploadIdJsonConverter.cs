using System.Text.Json;
using System.Text.Json.Serialization;

namespace SchoolRisk.Domain.Uploads;

/// <summary>
/// Writes a <see cref="UploadId"/> as its plain text, <c>"3f9a0c1b2d4e5f60"</c> (also as a property name), so JSON stays as it was when
/// the id was a string; reading text that is not one, or <c>null</c>, throws <see cref="JsonException"/>.
/// </summary>
public sealed class UploadIdJsonConverter : JsonConverter<UploadId>
{
    public override UploadId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString());

    public override void Write(Utf8JsonWriter writer, UploadId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }

    public override UploadId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, UploadId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.ToString());
    }

    private static UploadId Parse(string? text) =>
        UploadId.TryParse(text, out var value) ? value : throw new JsonException($"'{text}' is not an upload id (16 lower-case hex digits).");
}
