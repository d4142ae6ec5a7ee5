namespace SchoolRisk.Domain.Municipalities;

/// <summary>
/// Writes a <see cref="MunicipalityId"/> as its plain text, <c>"gatchinsky"</c> (also as a property name), so JSON stays as it was when
/// the id was a string; reading text that is not one, or <c>null</c>, throws <see cref="System.Text.Json.JsonException"/>.
/// </summary>
public sealed class MunicipalityIdJsonConverter() : PlainTextJsonConverter<MunicipalityId>("a municipality id (1 to 63 Latin lower-case letters, digits and hyphens)")
{
    protected override bool TryParse(string? text, out MunicipalityId value) => MunicipalityId.TryParse(text, out value);
}
