using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using MiniExcelLibs;

namespace SchoolRisk.Domain.Uploads.Writing;

/// <summary>Writes an <see cref="UploadSheet"/> as CSV, XLSX or JSON, in any form the upload readers accept. Text cells are neutralised against formula injection.</summary>
public static class UploadSheetFiles
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <param name="sheet">The table.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="encoding">UTF-8 (with or without BOM) or Windows-1251.</param>
    /// <param name="separator"><c>;</c> or <c>,</c>.</param>
    /// <param name="numbers">Culture of numbers: ru-RU writes a decimal comma.</param>
    /// <param name="cancellationToken">Cancels writing.</param>
    public static async Task WriteCsvAsync(
        UploadSheet sheet, Stream destination, Encoding encoding, char separator, CultureInfo numbers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        await using var writer = new StreamWriter(destination, encoding, leaveOpen: true) { NewLine = "\n" };
        if (sheet.Title is { } title)
        {
            await writer.WriteLineAsync(SpreadsheetText.CsvField(title, separator));
        }

        foreach (var row in sheet.Rows.Prepend(sheet.Headers.Cast<object?>().ToList()))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteLineAsync(string.Join(separator, row.Select(value => SpreadsheetText.CsvField(Text(value, numbers), separator))));
        }
    }

    public static void WriteXlsx(UploadSheet sheet, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var columns = Enumerable.Range(0, sheet.Headers.Count).Select(ColumnName).ToList();
        var rows = new List<Dictionary<string, object?>>();
        if (sheet.Title is { } title)
        {
            rows.Add(columns.ToDictionary(column => column, column => column == "A" ? (object?)SpreadsheetText.Neutralize(title) : null));
        }

        foreach (var row in sheet.Rows.Prepend(sheet.Headers.Cast<object?>().ToList()))
        {
            rows.Add(columns.Select((column, index) => (column, value: row[index] is string text ? SpreadsheetText.Neutralize(text) : row[index]))
                .ToDictionary(cell => cell.column, cell => cell.value));
        }

        destination.SaveAs(rows, printHeader: false, sheetName: "Данные");
    }

    public static async Task WriteJsonAsync(UploadSheet sheet, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var records = sheet.Rows.Select(row => sheet.Headers.Select((header, index) => (header, value: row[index]))
            .ToDictionary(cell => cell.header, cell => cell.value));
        await JsonSerializer.SerializeAsync(destination, records, Json, cancellationToken);
    }

    private static string Text(object? value, CultureInfo numbers) => value switch
    {
        null => string.Empty,
        decimal number => number.ToString(numbers),
        IFormattable formattable => formattable.ToString(null, numbers),
        _ => value.ToString() ?? string.Empty,
    };

    private static string ColumnName(int index) => index < 26 ? $"{(char)('A' + index)}" : $"{(char)('A' + (index / 26) - 1)}{(char)('A' + (index % 26))}";
}
