using System.Text.Json;

namespace SchoolRisk.Domain.Uploads;

/// <summary>
/// Writes an upload report as JSON (for machines) and as CSV for people (rejection, problems, then columns not
/// recognised and rows left out): UTF-8 with BOM and <c>;</c> separators so
/// Excel on a Russian Windows opens it as is, with Russian headers, and every cell neutralised against formula
/// injection.
/// </summary>
public static class UploadReportFiles
{
    public static async Task WriteJsonAsync(UploadReport report, Stream destination, CancellationToken cancellationToken = default) =>
        await JsonSerializer.SerializeAsync(destination, report, ReportFileFormat.Json, cancellationToken);

    /// <summary>
    /// The report <see cref="WriteJsonAsync"/> wrote, read back (the page's view of one upload's outcome reads it): every
    /// listed problem, column not recognised (with its suggested indicator) and note.
    /// </summary>
    /// <exception cref="JsonException">The text is not such a report.</exception>
    public static UploadReport ReadJson(string json) =>
        JsonSerializer.Deserialize<UploadReport>(json, ReportFileFormat.Json) ?? throw new JsonException("The report's JSON is null.");

    public static async Task WriteCsvAsync(UploadReport report, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var writer = ReportFileFormat.CsvWriter(destination);
        await writer.WriteLineAsync(ReportFileFormat.Line("Строка", "Столбец", "Значение", "Ошибка"));
        if (report.RejectionReason is { } reason)
        {
            await writer.WriteLineAsync(ReportFileFormat.Line(string.Empty, string.Empty, string.Empty, reason));
        }

        foreach (var problem in report.Problems)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteLineAsync(ReportFileFormat.Line($"{problem.Row}", problem.Column, problem.Value, problem.Message));
        }

        if (report.ProblemCount > report.Problems.Count)
        {
            await writer.WriteLineAsync(ReportFileFormat.Line(string.Empty, string.Empty, string.Empty,
                $"Ещё {report.ProblemCount - report.Problems.Count} ошибок не показаны."));
        }

        var fileName = report.BlobName.Split('/')[^1];
        foreach (var column in report.UnrecognisedColumns)
        {
            await writer.WriteLineAsync(ReportFileFormat.Line(string.Empty, column.Header, string.Empty, column.Message(fileName)));
        }

        foreach (var note in report.Notes)
        {
            await writer.WriteLineAsync(ReportFileFormat.Line($"{note.Row}", string.Empty, string.Empty, note.Message));
        }
    }
}
