using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace SchoolRisk.Domain.Uploads;

/// <summary>
/// Writes an upload report as JSON (for machines) and as CSV for people (rejection, problems, then columns not
/// recognised and rows left out): UTF-8 with BOM and <c>;</c> separators so
/// Excel on a Russian Windows opens it as is, with Russian headers, and every cell neutralised against formula
/// injection.
/// </summary>
public static class UploadReportFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static async Task WriteJsonAsync(UploadReport report, Stream destination, CancellationToken cancellationToken = default) =>
        await JsonSerializer.SerializeAsync(destination, report, Json, cancellationToken);

    public static async Task WriteCsvAsync(UploadReport report, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var writer = new StreamWriter(destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await writer.WriteLineAsync(Line("Строка", "Столбец", "Значение", "Ошибка"));
        if (report.RejectionReason is { } reason)
        {
            await writer.WriteLineAsync(Line(string.Empty, string.Empty, string.Empty, reason));
        }

        foreach (var problem in report.Problems)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteLineAsync(Line($"{problem.Row}", problem.Column, problem.Value, problem.Message));
        }

        if (report.ProblemCount > report.Problems.Count)
        {
            await writer.WriteLineAsync(Line(string.Empty, string.Empty, string.Empty,
                $"Ещё {report.ProblemCount - report.Problems.Count} ошибок не показаны."));
        }

        var fileName = report.BlobName.Split('/')[^1];
        foreach (var column in report.UnrecognisedColumns)
        {
            await writer.WriteLineAsync(Line(string.Empty, column.Header, string.Empty, column.Message(fileName)));
        }

        foreach (var note in report.Notes)
        {
            await writer.WriteLineAsync(Line($"{note.Row}", string.Empty, string.Empty, note.Message));
        }
    }

    private static string Line(params string?[] cells) => string.Join(';', cells.Select(cell => SpreadsheetText.CsvField(cell, ';')));
}
