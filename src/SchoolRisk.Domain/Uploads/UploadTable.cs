using SchoolRisk.Domain.Uploads.Tables;

namespace SchoolRisk.Domain.Uploads;

/// <summary>Opens an upload as a stream of table rows, by its format (CSV, XLSX or JSON).</summary>
public static class UploadTable
{
    public static IAsyncEnumerable<TableRow> ReadAsync(Stream content, string fileName, UploadLimits limits, CancellationToken cancellationToken) =>
        UploadFormats.Of(fileName) switch
        {
            UploadFormat.Xlsx => XlsxTable.ReadAsync(content, fileName, limits, cancellationToken),
            UploadFormat.Json => JsonTable.ReadAsync(content, fileName, cancellationToken),
            _ => CsvTable.ReadAsync(content, fileName, cancellationToken),
        };
}
