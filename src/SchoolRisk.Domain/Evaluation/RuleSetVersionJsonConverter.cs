namespace SchoolRisk.Domain.Evaluation;

/// <summary>
/// Writes a <see cref="RuleSetVersion"/> as its plain text, <c>"a1b2c3d4e5f6"</c> (also as a property name), so JSON stays as it was when
/// the id was a string; reading text that is not one, or <c>null</c>, throws <see cref="System.Text.Json.JsonException"/>.
/// </summary>
public sealed class RuleSetVersionJsonConverter() : PlainTextJsonConverter<RuleSetVersion>("a rule set version (12 lower-case hex digits)")
{
    protected override bool TryParse(string? text, out RuleSetVersion value) => RuleSetVersion.TryParse(text, out value);
}
