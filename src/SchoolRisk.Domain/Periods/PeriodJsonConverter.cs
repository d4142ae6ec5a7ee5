namespace SchoolRisk.Domain.Periods;

/// <summary>
/// Writes a <see cref="Period"/> as its text, <c>"2023-2024"</c> (also as a property name); reading text that is not one,
/// or <c>null</c>, throws <see cref="System.Text.Json.JsonException"/>.
/// </summary>
public sealed class PeriodJsonConverter() : PlainTextJsonConverter<Period>("a period like 2023-2024")
{
    protected override bool TryParse(string? text, out Period value) => Period.TryParse(text, out value);
}
