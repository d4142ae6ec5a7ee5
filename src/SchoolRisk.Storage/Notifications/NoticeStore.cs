using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Azure.Storage.Blobs;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Storage.Notifications;

/// <summary>
/// Notices in full, one blob each at <c>{period}/{municipality}/{noticeId}.json</c> (claim check): a municipality with
/// hundreds of schools in risk zones makes a notice larger than a queue message may be.
/// </summary>
public sealed class NoticeStore(StorageAccount account)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(account.Options.NoticesContainer);

    /// <summary>Writes the notice (again, identically, on a retry) and returns its blob name.</summary>
    public async Task<string> WriteAsync(MunicipalityNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var blobName = BlobName(notice.Period, notice.MunicipalityId, notice.NoticeId);
        await _container.GetBlobClient(blobName).UploadAsync(BinaryData.FromObjectAsJson(notice, Json), overwrite: true, cancellationToken);
        return blobName;
    }

    /// <summary>Where a notice is kept: <c>{period}/{municipality}/{noticeId}.json</c>.</summary>
    public static string BlobName(Period period, MunicipalityId municipalityId, string noticeId) => $"{period}/{municipalityId}/{noticeId}.json";

    public async Task<MunicipalityNotice> ReadAsync(string blobName, CancellationToken cancellationToken = default)
    {
        var content = (await _container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken)).Value.Content;
        return content.ToObjectFromJson<MunicipalityNotice>(Json)
            ?? throw new InvalidDataException($"Notice blob {blobName} is empty.");
    }
}
