using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using Azure.Storage.Blobs;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Storage.Results;

/// <summary>
/// The values of every school of a period as the last regional recalculation read them: blob
/// <c>snapshots/regions/{period}.json.gz</c>, gzipped JSON with the indicator ids once and a row per school (its
/// municipality and the values in that order). An upload classifies its schools against this one blob instead of
/// reading the period's results, which at national scale are tens of thousands of rows that every upload of a burst
/// would read again. Cached by ETag per period, so the uploads between two recalculations cost one properties request
/// each. Indicators the file names that the catalog no longer has are ignored; the catalog's new ones read as missing.
/// </summary>
public sealed class RegionSnapshotBlobs(StorageAccount account)
{
    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(account.Options.SnapshotsContainer);
    private readonly ConcurrentDictionary<Period, CachedBlob<IReadOnlyList<SchoolValues>>> _cached = new();

    /// <summary>Replaces the period's snapshot.</summary>
    public async Task WriteAsync(Period period, IEnumerable<SchoolValues> schools, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schools);
        var indicators = IndicatorCatalog.All;
        var file = new SnapshotFile(
            [.. indicators.Select(indicator => indicator.Id)],
            [.. schools.Select(school => new SnapshotRow(school.MunicipalityId, [.. indicators.Select(indicator => indicator.ValueOf(school.Values))]))]);
        using var buffer = new MemoryStream();
        await using (var zipped = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            await JsonSerializer.SerializeAsync(zipped, file, cancellationToken: cancellationToken);
        }

        buffer.Position = 0;
        await _container.GetBlobClient(BlobName(period)).UploadAsync(buffer, overwrite: true, cancellationToken);
    }

    /// <summary>The period's snapshot, or <c>null</c> when no recalculation of the period has written one yet.</summary>
    public Task<IReadOnlyList<SchoolValues>?> ReadAsync(Period period, CancellationToken cancellationToken = default) =>
        _cached.GetOrAdd(period, key => new CachedBlob<IReadOnlyList<SchoolValues>>(_container.GetBlobClient(BlobName(key)), ReadFileAsync))
            .LoadAsync(cancellationToken);

    private static string BlobName(Period period) => $"regions/{period}.json.gz";

    private static async Task<IReadOnlyList<SchoolValues>> ReadFileAsync(Stream content, string blobName, CancellationToken cancellationToken)
    {
        await using var unzipped = new GZipStream(content, CompressionMode.Decompress);
        var file = await JsonSerializer.DeserializeAsync<SnapshotFile>(unzipped, cancellationToken: cancellationToken)
            ?? throw new InvalidDataException($"The region snapshot {blobName} is empty.");
        var columns = file.Indicators
            .Select((id, index) => (Indicator: IndicatorCatalog.Find(id), Index: index))
            .Where(column => column.Indicator is not null)
            .ToList();
        return [.. file.Schools.Select(row => new SchoolValues(
            row.MunicipalityId,
            SchoolIndicators.Create(columns.Select(column => new KeyValuePair<Indicator, decimal?>(column.Indicator!, row.Values[column.Index])))))];
    }

    private sealed record SnapshotFile(string[] Indicators, SnapshotRow[] Schools);

    private sealed record SnapshotRow(MunicipalityId MunicipalityId, decimal?[] Values);
}
