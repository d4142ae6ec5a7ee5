using System.Text.Json;
using System.Text.Json.Serialization;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>
/// Writes a <see cref="RuleSetVersion"/> as its plain text, <c>"a1b2c3d4e5f6"</c> (also as a property name), so JSON stays as it was when
/// the id was a string; reading text that is not one, or <c>null</c>, throws <see cref="JsonException"/>.
/// </summary>
public sealed class RuleSetVersionJsonConverter : JsonConverter<RuleSetVersion>
{
    public override RuleSetVersion Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString());

    public override void Write(Utf8JsonWriter writer, RuleSetVersion value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }

    public override RuleSetVersion ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, RuleSetVersion value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.ToString());
    }

    private static RuleSetVersion Parse(string? text) =>
        RuleSetVersion.TryParse(text, out var value) ? value : throw new JsonException($"'{text}' is not a rule set version (12 lower-case hex digits).");
}
