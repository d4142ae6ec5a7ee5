namespace SchoolRisk.Domain.Uploads;

/// <summary>
/// Writes a <see cref="UploadId"/> as its plain text, <c>"3f9a0c1b2d4e5f60"</c> (also as a property name), so JSON stays as it was when
/// the id was a string; reading text that is not one, or <c>null</c>, throws <see cref="System.Text.Json.JsonException"/>.
/// </summary>
public sealed class UploadIdJsonConverter() : PlainTextJsonConverter<UploadId>("an upload id (16 lower-case hex digits)")
{
    protected override bool TryParse(string? text, out UploadId value) => UploadId.TryParse(text, out value);
}
