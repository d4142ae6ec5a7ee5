using System.Text;

namespace SchoolRisk.Domain.Indicators;

/// <summary>How column headers are compared: what people vary in spreadsheets does not count.</summary>
public static class HeaderText
{
    /// <summary>Trailing units people (and the templates) write after a header, longest first.</summary>
    private static readonly string[] UnitSuffixes =
    [
        .. Enum.GetValues<IndicatorUnit>().SelectMany(unit => new[] { $", {unit.Symbol()}", $"({unit.Symbol()})" })
            .Select(suffix => suffix.ToLowerInvariant()),
        "(в %)", ", в %", "%",
    ];

    /// <summary>
    /// Lower case, «ё» as «е», underscores and runs of white space (including no-break spaces and line breaks) as one
    /// space, quotes («» “” " ') removed, and a trailing unit («%», «, %», «(%)», «, на 1000», «, да/нет», ...) dropped.
    /// </summary>
    public static string Normalize(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return string.Empty;
        }

        var text = new StringBuilder(header.Length);
        var space = false;
        foreach (var c in header.Trim().ToLowerInvariant().Replace('ё', 'е'))
        {
            if (c is '«' or '»' or '"' or '“' or '”' or '„' or '\'')
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || c == '_')
            {
                space = text.Length > 0;
                continue;
            }

            if (space)
            {
                text.Append(' ');
                space = false;
            }

            text.Append(c);
        }

        var normalized = text.ToString();
        foreach (var suffix in UnitSuffixes)
        {
            if (normalized.EndsWith(suffix, StringComparison.Ordinal))
            {
                return normalized[..^suffix.Length].TrimEnd(' ', ',');
            }
        }

        return normalized;
    }
}
