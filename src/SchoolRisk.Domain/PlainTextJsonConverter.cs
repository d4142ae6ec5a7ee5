using System.Text.Json;
using System.Text.Json.Serialization;

namespace SchoolRisk.Domain;

/// <summary>
/// Writes a small typed value as its plain text (<see cref="object.ToString"/>), also as a property name, so JSON stays as
/// it was when the value was a string; reads it with the type's own <c>TryParse</c>. Text that is not one, or
/// <c>null</c>, throws <see cref="JsonException"/> naming the shape expected.
/// </summary>
/// <typeparam name="T">The typed value.</typeparam>
/// <param name="shape">What the text should be, for the error: «a municipality id (…)».</param>
public abstract class PlainTextJsonConverter<T>(string shape) : JsonConverter<T>
    where T : struct
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString());

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.ToString()!);
    }

    /// <summary>The type's <c>TryParse</c>.</summary>
    protected abstract bool TryParse(string? text, out T value);

    private T Parse(string? text) => TryParse(text, out var value) ? value : throw new JsonException($"'{text}' is not {shape}.");
}
