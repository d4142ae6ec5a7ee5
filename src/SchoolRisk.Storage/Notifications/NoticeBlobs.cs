using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Azure.Storage.Blobs;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Notices.Digest;
using SchoolRisk.Domain.Notices.Recipients;
using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Storage.Notifications;

/// <summary>
/// Notices in full, one blob each at <c>{period}/{municipality}/{noticeId}.json</c> (claim check): a municipality with
/// hundreds of schools in risk zones makes a notice larger than a queue message may be. The committee's digest is kept
/// the same way, at <c>{period}/committee/{digestKey}.json</c>, for a Service Bus message too large to carry it.
/// </summary>
public sealed class NoticeBlobs(StorageAccount account)
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
        return await WriteAsync(BlobName(notice.Period, notice.MunicipalityId, notice.NoticeId), notice, cancellationToken);
    }

    /// <summary>
    /// Writes the digest (again, identically, for the same key: the key is a hash of its content) at
    /// <c>{period}/committee/{digestKey}.json</c> and returns its blob name.
    /// </summary>
    public async Task<string> WriteDigestAsync(RegionalDigest digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return await WriteAsync(BlobName(digest.Period, RecipientDirectory.CommitteeId, digest.Key), digest, cancellationToken);
    }

    /// <summary>Where a notice is kept: <c>{period}/{municipality}/{noticeId}.json</c>.</summary>
    public static string BlobName(Period period, MunicipalityId municipalityId, string noticeId) => $"{period}/{municipalityId}/{noticeId}.json";

    private async Task<string> WriteAsync<T>(string blobName, T content, CancellationToken cancellationToken)
    {
        await _container.GetBlobClient(blobName).UploadAsync(BinaryData.FromObjectAsJson(content, Json), overwrite: true, cancellationToken);
        return blobName;
    }

    public async Task<MunicipalityNotice> ReadAsync(string blobName, CancellationToken cancellationToken = default)
    {
        var content = (await _container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken)).Value.Content;
        return content.ToObjectFromJson<MunicipalityNotice>(Json)
            ?? throw new InvalidDataException($"Notice blob {blobName} is empty.");
    }
}
