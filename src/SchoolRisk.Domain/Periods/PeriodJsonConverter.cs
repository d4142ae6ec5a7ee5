using System.Text.Json;
using System.Text.Json.Serialization;

namespace SchoolRisk.Domain.Periods;

/// <summary>Writes a <see cref="Period"/> as its text, <c>"2023-2024"</c>.</summary>
public sealed class PeriodJsonConverter : JsonConverter<Period>
{
    public override Period Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Period.TryParse(reader.GetString(), out var period)
            ? period
            : throw new JsonException($"'{reader.GetString()}' is not a period like 2023-2024.");

    public override void Write(Utf8JsonWriter writer, Period value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
