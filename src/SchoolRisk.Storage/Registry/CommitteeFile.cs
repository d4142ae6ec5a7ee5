using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SchoolRisk.Domain.Registry;
using SchoolRisk.Domain.Uploads.Tables;

namespace SchoolRisk.Storage.Registry;

/// <summary>
/// One of the committee's files in the registry container (<c>schools.csv</c>, <c>recipients.csv</c>) and the copy of
/// its last usable version at <c>last-good/{file}</c>. The version in use is the current file when it is usable (read,
/// its columns there, at least one valid row: its valid rows are used), otherwise the last good copy, so a broken edit
/// never stops what depends on the file. Whoever reads a usable version newer than the copy makes it the copy (with the
/// ETag and time of the original in the copy's metadata, written only over an older copy), so every instance and every
/// restart falls back to the same version. Each blob is read once per ETag and cached, failures too: an unchanged file
/// costs one properties request.
/// </summary>
internal sealed class CommitteeFile<T>(BlobContainerClient container, string fileName, Func<Stream, string, CancellationToken, Task<T>> read)
    where T : class, ICommitteeFile
{
    /// <summary>The folder of the last good copies in the registry container.</summary>
    public const string LastGoodFolder = "last-good";

    private const string SourceETagKey = "sourceetag";
    private const string SavedAtKey = "savedat";

    private readonly Slot _current = new(container.GetBlobClient(fileName), isCopy: false);
    private readonly Slot _copy = new(container.GetBlobClient($"{LastGoodFolder}/{fileName}"), isCopy: true);

    public BlobClient Blob => _current.Blob;

    /// <summary>The file now and the version in use (see <see cref="CommitteeFileState{T}"/>); keeps a newly read usable version as the last good copy.</summary>
    public async Task<CommitteeFileState<T>> LoadAsync(CancellationToken cancellationToken)
    {
        var (current, content) = await ReadAsync(_current, cancellationToken);
        if (current is { Usable: true })
        {
            if (content is not null)
            {
                await KeepAsync(current, content, cancellationToken);
            }

            return new CommitteeFileState<T>(current, current);
        }

        var (copy, _) = await ReadAsync(_copy, cancellationToken);
        return new CommitteeFileState<T>(current, copy is { Usable: true } ? copy : null);
    }

    /// <summary>The blob's version, cached by ETag, and its bytes when they were read now (<c>null</c> from the cache); <c>null</c> when there is no blob.</summary>
    private async Task<(CommitteeFileVersion<T>? Version, BinaryData? Content)> ReadAsync(Slot slot, CancellationToken cancellationToken)
    {
        try
        {
            var eTag = (await slot.Blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ETag;
            if (slot.Last is { } last && last.ETag == eTag)
            {
                return (last.Version, null);
            }

            var download = (await slot.Blob.DownloadContentAsync(cancellationToken)).Value;
            var metadata = download.Details.Metadata;
            var (sourceETag, savedAt) = slot.IsCopy && metadata.TryGetValue(SourceETagKey, out var source) && metadata.TryGetValue(SavedAtKey, out var saved)
                ? (source, DateTimeOffset.Parse(saved, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind))
                : (download.Details.ETag.ToString(), download.Details.LastModified);
            T? content = null;
            string? unusable;
            try
            {
                content = await read(download.Content.ToStream(), fileName, cancellationToken);
                unusable = content.Check.Unusable;
            }
            catch (FileRejectedException exception)
            {
                unusable = exception.Message;
            }

            var version = new CommitteeFileVersion<T>(fileName, sourceETag, savedAt, slot.IsCopy, content, unusable);
            slot.Last = new Cached(download.Details.ETag, version);
            return (version, download.Content);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return (null, null);
        }
    }

    /// <summary>Makes <paramref name="version"/> the last good copy unless the copy is that version or a later one; a concurrent writer makes it look again.</summary>
    private async Task KeepAsync(CommitteeFileVersion<T> version, BinaryData content, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            BlobProperties? copy = null;
            try
            {
                copy = (await _copy.Blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
            }

            if (copy is not null && copy.Metadata.TryGetValue(SourceETagKey, out var kept) && copy.Metadata.TryGetValue(SavedAtKey, out var saved)
                && (kept == version.ETag || DateTimeOffset.Parse(saved, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) > version.SavedAt))
            {
                return;
            }

            try
            {
                await _copy.Blob.UploadAsync(content, new BlobUploadOptions
                {
                    Metadata = new Dictionary<string, string> { [SourceETagKey] = version.ETag, [SavedAtKey] = version.SavedAt.ToString("O", CultureInfo.InvariantCulture) },
                    HttpHeaders = new BlobHttpHeaders { ContentType = "text/csv; charset=utf-8" },
                    Conditions = copy is null ? new BlobRequestConditions { IfNoneMatch = ETag.All } : new BlobRequestConditions { IfMatch = copy.ETag },
                }, cancellationToken);
                return;
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412)
            {
                // Another instance wrote the copy meanwhile: look at what it wrote.
            }
        }
    }

    private sealed record Cached(ETag ETag, CommitteeFileVersion<T> Version);

    private sealed class Slot(BlobClient blob, bool isCopy)
    {
        private volatile Cached? _last;

        public BlobClient Blob { get; } = blob;

        public bool IsCopy { get; } = isCopy;

        public Cached? Last
        {
            get => _last;
            set => _last = value;
        }
    }
}
