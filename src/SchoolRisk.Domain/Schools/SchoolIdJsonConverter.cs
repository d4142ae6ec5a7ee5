namespace SchoolRisk.Domain.Schools;

/// <summary>
/// Writes a <see cref="SchoolId"/> as its plain text, <c>"gatchinsky-001"</c> (also as a property name), so JSON stays as it was when
/// the id was a string; reading text that is not one, or <c>null</c>, throws <see cref="System.Text.Json.JsonException"/>.
/// </summary>
public sealed class SchoolIdJsonConverter() : PlainTextJsonConverter<SchoolId>("a school id (1 to 64 Latin letters, digits, «-», «_», «.», beginning with a letter or digit)")
{
    protected override bool TryParse(string? text, out SchoolId value) => SchoolId.TryParse(text, out value);
}
