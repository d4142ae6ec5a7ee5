using System.Globalization;
using ExcelNumberFormat;
using SchoolRisk.Domain.Uploads.Values;

namespace SchoolRisk.Domain.Uploads.Tables;

/// <summary>
/// A spreadsheet cell's value and number format as a <see cref="TableCell"/>: its text as the sheet shows it (the
/// format applied with Russian conventions, by ExcelNumberFormat, the ECMA-376 formatter of ExcelDataReader's authors),
/// a number kept to 15 significant digits, and whether the format is a percent or a date.
/// </summary>
internal static class SpreadsheetCell
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>Parsed formats by their code: a workbook uses a handful, its cells a million times.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, NumberFormat> Formats = new(StringComparer.Ordinal);

    public static TableCell Of(object? value, string? format) => value switch
    {
        null => default,
        string text => new TableCell(text),
        bool flag => new TableCell(flag ? "ИСТИНА" : "ЛОЖЬ"),
        DateTime or TimeSpan => new TableCell(Shown(value, format) ?? Convert.ToString(value, Russian), null, CellFormat.Date),
        double or float or int or long or decimal or short or byte => Number(Convert.ToDouble(value, CultureInfo.InvariantCulture), format),
        _ => new TableCell(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    private static TableCell Number(double value, string? format)
    {
        var shown = Shown(value, format) ?? value.ToString("G15", Russian);
        var kind = IsDate(format) ? CellFormat.Date : IsPercent(format) ? CellFormat.Percent : CellFormat.Number;
        return new TableCell(shown, kind == CellFormat.Date ? null : Precision.FromDouble(value), kind);
    }

    /// <summary>The value as the sheet shows it; <c>null</c> when the format cannot be applied.</summary>
    private static string? Shown(object value, string? format)
    {
        var parsed = Parse(format);
        if (!parsed.IsValid)
        {
            return null;
        }

        try
        {
            return parsed.Format(value, Russian);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidCastException or OverflowException)
        {
            return null;
        }
    }

    private static bool IsDate(string? format) =>
        !string.IsNullOrEmpty(format) && Parse(format) is { IsValid: true, IsDateTimeFormat: true };

    /// <summary>The parsed format (General for none), cached; the cache stops growing at 4,096 codes (a hostile workbook's).</summary>
    private static NumberFormat Parse(string? format)
    {
        var code = string.IsNullOrEmpty(format) ? "General" : format;
        return Formats.TryGetValue(code, out var parsed) ? parsed
            : Formats.Count < 4096 ? Formats.GetOrAdd(code, key => new NumberFormat(key))
            : new NumberFormat(code);
    }

    /// <summary>A <c>%</c> in the format outside quoted literals, escapes and brackets: Excel multiplies by 100 to show it.</summary>
    internal static bool IsPercent(string? format)
    {
        if (string.IsNullOrEmpty(format))
        {
            return false;
        }

        var (quoted, bracketed) = (false, false);
        for (var i = 0; i < format.Length; i++)
        {
            switch (format[i])
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '\\' or '_' or '*' when !quoted:
                    i++;
                    break;
                case '[' when !quoted:
                    bracketed = true;
                    break;
                case ']' when !quoted:
                    bracketed = false;
                    break;
                case '%' when !quoted && !bracketed:
                    return true;
            }
        }

        return false;
    }
}
