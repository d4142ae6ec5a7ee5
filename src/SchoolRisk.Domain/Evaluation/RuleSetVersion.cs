using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>
/// A rule set's version, like <c>a1b2c3d4e5f6</c>: 12 lower-case hex digits, the start of a SHA-256 over the rule files'
/// names and contents (<see cref="RuleSet.VersionOf"/>, the only maker of versions), recorded with every result a rule
/// set produced. Written as its plain text in JSON, table columns and blob names (<see cref="RuleSetVersionJsonConverter"/>).
/// <c>default</c> is no version; its text is empty.
/// </summary>
[JsonConverter(typeof(RuleSetVersionJsonConverter))]
public readonly record struct RuleSetVersion
{
    /// <summary>How many hex digits a version has.</summary>
    public const int Length = 12;

    private readonly string? _text;

    private RuleSetVersion(string text) => _text = text;

    /// <summary>The version <paramref name="text"/> names, or <c>false</c> when it is not 12 lower-case hex digits.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out RuleSetVersion version)
    {
        if (text is not { Length: Length } || !text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f')))
        {
            version = default;
            return false;
        }

        version = new RuleSetVersion(text);
        return true;
    }

    /// <summary>The version <paramref name="text"/> names.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not 12 lower-case hex digits.</exception>
    public static RuleSetVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"'{text}' is not a rule set version (12 lower-case hex digits).");

    /// <summary>The version as written, 12 lower-case hex digits; empty for <c>default</c>.</summary>
    public override string ToString() => _text ?? string.Empty;
}
