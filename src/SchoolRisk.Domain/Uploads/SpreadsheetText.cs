namespace SchoolRisk.Domain.Uploads;

/// <summary>Text written into a CSV or spreadsheet that people open: never read as a formula.</summary>
public static class SpreadsheetText
{
    /// <summary>Prefixes with an apostrophe any text that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return.</summary>
    public static string Neutralize(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>A neutralised CSV field, quoted when it holds the separator, a quote or a line break.</summary>
    public static string CsvField(string? text, char separator)
    {
        var safe = Neutralize(text ?? string.Empty);
        return safe.Contains(separator, StringComparison.Ordinal) || safe.IndexOfAny(['"', '\n', '\r']) >= 0
            ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : safe;
    }
}
