using System.Text.Json;
using SchoolRisk.Domain.Registry;
using SchoolRisk.Domain.Uploads;

namespace SchoolRisk.Domain.Federal;

/// <summary>
/// Writes a <see cref="FederalReport"/> as JSON (for machines) and as CSV for people, exactly as a registry report
/// (<see cref="RegistryReportFiles"/>): UTF-8 with BOM, «Строка;Столбец;Значение;Вид;Сообщение», the last line saying
/// which list the period has.
/// </summary>
public static class FederalReportFiles
{
    public static async Task WriteJsonAsync(FederalReport report, Stream destination, CancellationToken cancellationToken = default) =>
        await JsonSerializer.SerializeAsync(destination, report, ReportFileFormat.Json, cancellationToken);

    public static Task WriteCsvAsync(FederalReport report, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        return RegistryReportFiles.WriteCsvAsync(report.Unusable, report.Check, report.InUseText, destination, cancellationToken);
    }
}
