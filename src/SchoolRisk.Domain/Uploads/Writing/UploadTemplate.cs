using System.Globalization;
using System.Text;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Uploads.Writing;

/// <summary>
/// The ready-to-fill upload of one municipality (<c>schoolrisk template</c> and the page's template download share it):
/// a title row naming the municipality and the school year, the current catalog's columns under Russian headers, and
/// a row per school of the municipality in the registry, every indicator empty. Written as CSV (UTF-8 with BOM,
/// <c>;</c>, decimal comma: what Excel on a Russian Windows opens as is) or as XLSX.
/// </summary>
public static class UploadTemplate
{
    /// <summary>The template's sheet, or <c>null</c> when <paramref name="registry"/> has no school of <paramref name="municipalityId"/>.</summary>
    public static UploadSheet? For(SchoolRegistry registry, MunicipalityId municipalityId, Period period)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var schools = registry.InMunicipality(municipalityId).ToList();
        return schools.Count == 0
            ? null
            : UploadSheet.For(schools, (_, _) => null, russianHeaders: true, $"Сведения о школах: {municipalityId}, {period} учебный год");
    }

    /// <summary>The template's file name in <paramref name="format"/>: <c>template-{municipality}.csv</c> or <c>.xlsx</c>.</summary>
    public static string FileName(MunicipalityId municipalityId, UploadTemplateFormat format) =>
        $"template-{municipalityId}.{Extension(format)}";

    /// <summary>The file extension of <paramref name="format"/>, without the dot.</summary>
    public static string Extension(UploadTemplateFormat format) => format == UploadTemplateFormat.Xlsx ? "xlsx" : "csv";

    /// <summary>The MIME type of <paramref name="format"/>.</summary>
    public static string ContentType(UploadTemplateFormat format) => format == UploadTemplateFormat.Xlsx
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=utf-8";

    /// <summary>Writes <paramref name="sheet"/> to <paramref name="destination"/> (left open) in <paramref name="format"/>.</summary>
    public static async Task WriteAsync(UploadSheet sheet, UploadTemplateFormat format, Stream destination, CancellationToken cancellationToken = default)
    {
        if (format == UploadTemplateFormat.Xlsx)
        {
            UploadSheetFiles.WriteXlsx(sheet, destination);
            return;
        }

        await UploadSheetFiles.WriteCsvAsync(
            sheet, destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), ';', CultureInfo.GetCultureInfo("ru-RU"), cancellationToken);
    }

    /// <summary>
    /// The format a request names: <c>csv</c> (also empty or <c>null</c>) or <c>xlsx</c> in any case; <c>false</c> for anything else.
    /// </summary>
    public static bool TryParseFormat(string? text, out UploadTemplateFormat format)
    {
        format = UploadTemplateFormat.Csv;
        if (string.IsNullOrEmpty(text) || text.Equals("csv", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.Equals("xlsx", StringComparison.OrdinalIgnoreCase))
        {
            format = UploadTemplateFormat.Xlsx;
            return true;
        }

        return false;
    }
}
