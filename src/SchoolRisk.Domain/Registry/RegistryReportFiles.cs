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

    public static Task WriteCsvAsync(RegistryReport report, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        return WriteCsvAsync(report.Unusable, report.Check, report.InUseText, destination, cancellationToken);
    }

    /// <summary>
    /// The CSV of any committee file's check (the registry's, the federal list's): why it cannot be used
    /// (<paramref name="unusable"/>, <c>null</c> when it can), the problems and notes of <paramref name="check"/>
    /// (<c>null</c> when it could not be read), and <paramref name="outcome"/>, the last line («итог»).
    /// </summary>
    public static async Task WriteCsvAsync(string? unusable, FileCheck? check, string outcome, Stream destination, CancellationToken cancellationToken = default)
    {
        await using var writer = ReportFileFormat.CsvWriter(destination);
        await writer.WriteLineAsync(ReportFileFormat.Line("Строка", "Столбец", "Значение", "Вид", "Сообщение"));
        if (unusable is not null)
        {
            await writer.WriteLineAsync(ReportFileFormat.Line(null, null, null, "ошибка", unusable));
        }

        foreach (var (kind, problem) in (check?.Problems ?? []).Select(problem => ("ошибка", problem)).Concat((check?.Notes ?? []).Select(note => ("замечание", note))))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteLineAsync(ReportFileFormat.Line($"{problem.Row}", problem.Column, problem.Value, kind, problem.Message));
        }

        if (check is not null && check.ProblemCount > check.Problems.Count)
        {
            await writer.WriteLineAsync(ReportFileFormat.Line(null, null, null, "ошибка", $"Ещё {check.ProblemCount - check.Problems.Count} ошибок не показаны."));
        }

        await writer.WriteLineAsync(ReportFileFormat.Line(null, null, null, "итог", outcome));
    }
}
