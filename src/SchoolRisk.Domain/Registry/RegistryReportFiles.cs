using System.Text.Json;
using SchoolRisk.Domain.Uploads;

namespace SchoolRisk.Domain.Registry;

/// <summary>
/// Writes a <see cref="RegistryReport"/> as JSON (for machines) and as CSV for people, like upload reports: UTF-8 with
/// BOM, <c>;</c> separators, Russian headers «Строка;Столбец;Значение;Вид;Сообщение», every cell neutralised against
/// formula injection. The CSV lists why the file cannot be used, every problem («ошибка»), every note («замечание») and,
/// last, which version is in use («итог»).
/// </summary>
public static class RegistryReportFiles
{
    public static async Task WriteJsonAsync(RegistryReport report, Stream destination, CancellationToken cancellationToken = default) =>
        await JsonSerializer.SerializeAsync(destination, report, ReportFileFormat.Json, cancellationToken);

    public static async Task WriteCsvAsync(RegistryReport report, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var writer = ReportFileFormat.CsvWriter(destination);
        await writer.WriteLineAsync(ReportFileFormat.Line("Строка", "Столбец", "Значение", "Вид", "Сообщение"));
        if (report.Unusable is { } unusable)
        {
            await writer.WriteLineAsync(ReportFileFormat.Line(null, null, null, "ошибка", unusable));
        }

        foreach (var (kind, problem) in (report.Check?.Problems ?? []).Select(problem => ("ошибка", problem)).Concat((report.Check?.Notes ?? []).Select(note => ("замечание", note))))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteLineAsync(ReportFileFormat.Line($"{problem.Row}", problem.Column, problem.Value, kind, problem.Message));
        }

        if (report.Check is { } check && check.ProblemCount > check.Problems.Count)
        {
            await writer.WriteLineAsync(ReportFileFormat.Line(null, null, null, "ошибка", $"Ещё {check.ProblemCount - check.Problems.Count} ошибок не показаны."));
        }

        await writer.WriteLineAsync(ReportFileFormat.Line(null, null, null, "итог", report.InUseText));
    }
}
