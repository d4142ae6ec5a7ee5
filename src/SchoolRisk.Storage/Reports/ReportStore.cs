using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Uploads;

namespace SchoolRisk.Storage.Reports;

/// <summary>Upload error reports in the reports container, next to each other per upload: <c>{period}/{municipality}/{uploadId}/errors.json</c> and <c>errors.csv</c>.</summary>
public sealed class ReportStore(StorageAccount account)
{
    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(account.Options.ReportsContainer);

    public async Task<ReportLinks> WriteAsync(UploadReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var folder = $"{report.Period}/{report.MunicipalityId}/{report.UploadId}";
        var links = new ReportLinks($"{folder}/errors.json", $"{folder}/errors.csv");
        await WriteAsync(links.Json, "application/json; charset=utf-8", stream => UploadReportFiles.WriteJsonAsync(report, stream, cancellationToken), cancellationToken);
        await WriteAsync(links.Csv, "text/csv; charset=utf-8", stream => UploadReportFiles.WriteCsvAsync(report, stream, cancellationToken), cancellationToken);
        return links;
    }

    public async Task<string> ReadTextAsync(string blobName, CancellationToken cancellationToken = default) =>
        (await _container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken)).Value.Content.ToString();

    private async Task WriteAsync(string blobName, string contentType, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await write(buffer);
        buffer.Position = 0;
        await _container.GetBlobClient(blobName).UploadAsync(
            buffer, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken);
    }
}
