using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SchoolRisk.Domain.Federal;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Notices.Notes;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Registry;
using SchoolRisk.Domain.Uploads;

namespace SchoolRisk.Storage.Reports;

/// <summary>
/// The reports container: upload error reports next to each other per upload, <c>{period}/{municipality}/{uploadId}/errors.json</c>
/// and <c>errors.csv</c>; the check of every version of the committee's files, <c>registry/{file}/{versionId}/report.json</c>
/// and <c>report.csv</c> (version ids sort by the time the file was saved), and of every federal file,
/// <c>federal/{period}/{versionId}/report.json</c> and <c>report.csv</c>; and each municipality's analytical note of a
/// period, <c>{period}/{municipality}/note.html</c>.
/// </summary>
public sealed class ReportBlobs(StorageAccount account)
{
    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(account.Options.ReportsContainer);

    public async Task<ReportLinks> WriteAsync(UploadReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var folder = $"{report.Period}/{report.MunicipalityId}/{report.UploadId}";
        return await WritePairAsync(
            new ReportLinks($"{folder}/errors.json", $"{folder}/errors.csv"),
            stream => UploadReportFiles.WriteJsonAsync(report, stream, cancellationToken), stream => UploadReportFiles.WriteCsvAsync(report, stream, cancellationToken), cancellationToken);
    }

    /// <summary>Writes the report of a committee file's check (again, identically, for the same version); returns where.</summary>
    public async Task<ReportLinks> WriteAsync(RegistryReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var folder = $"registry/{report.FileName}/{report.VersionId}";
        return await WritePairAsync(
            new ReportLinks($"{folder}/report.json", $"{folder}/report.csv"),
            stream => RegistryReportFiles.WriteJsonAsync(report, stream, cancellationToken), stream => RegistryReportFiles.WriteCsvAsync(report, stream, cancellationToken), cancellationToken);
    }

    /// <summary>Writes the report of a federal file's check (again, identically, for the same version); returns where.</summary>
    public async Task<ReportLinks> WriteAsync(FederalReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var folder = $"federal/{report.Period}/{report.VersionId}";
        return await WritePairAsync(
            new ReportLinks($"{folder}/report.json", $"{folder}/report.csv"),
            stream => FederalReportFiles.WriteJsonAsync(report, stream, cancellationToken), stream => FederalReportFiles.WriteCsvAsync(report, stream, cancellationToken), cancellationToken);
    }

    /// <summary>Writes a report's JSON and CSV forms to the blobs <paramref name="links"/> names; returns them.</summary>
    private async Task<ReportLinks> WritePairAsync(ReportLinks links, Func<Stream, Task> writeJson, Func<Stream, Task> writeCsv, CancellationToken cancellationToken)
    {
        await WriteAsync(links.Json, "application/json; charset=utf-8", writeJson, cancellationToken);
        await WriteAsync(links.Csv, "text/csv; charset=utf-8", writeCsv, cancellationToken);
        return links;
    }

    /// <summary>Writes (or replaces with the newer one) a municipality's analytical note; returns its blob name.</summary>
    public async Task<string> WriteNoteAsync(Period period, MunicipalityId municipalityId, string html, CancellationToken cancellationToken = default)
    {
        var blobName = AnalyticalNote.BlobName(period, municipalityId);
        await _container.GetBlobClient(blobName).UploadAsync(
            BinaryData.FromString(html), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/html; charset=utf-8" } }, cancellationToken);
        return blobName;
    }

    /// <summary>A text blob of the container, or <c>null</c> when there is none.</summary>
    public async Task<string?> TryReadTextAsync(string blobName, CancellationToken cancellationToken = default)
    {
        var blob = _container.GetBlobClient(blobName);
        return await blob.ExistsAsync(cancellationToken) ? (await blob.DownloadContentAsync(cancellationToken)).Value.Content.ToString() : null;
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
