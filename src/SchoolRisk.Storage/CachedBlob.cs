using Azure;
using Azure.Storage.Blobs;

namespace SchoolRisk.Storage;

/// <summary>
/// A blob read into <typeparamref name="T"/> and cached by ETag (the region's snapshot; the committee's files have their
/// own, <see cref="Registry.CommitteeFile{T}"/>): a new version is used by the next reader without a restart, and an unchanged blob costs one properties
/// request. The cached value is replaced whole, never changed, so concurrent readers see one consistent version.
/// </summary>
internal sealed class CachedBlob<T>(BlobClient blob, Func<Stream, string, CancellationToken, Task<T>> read)
    where T : class
{
    private volatile Cached? _cached;

    public BlobClient Blob => blob;

    /// <summary>The blob's content as <typeparamref name="T"/>, or <c>null</c> when the blob does not exist.</summary>
    public async Task<T?> LoadAsync(CancellationToken cancellationToken)
    {
        string eTag;
        try
        {
            eTag = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ETag.ToString();
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }

        if (_cached is { } cached && cached.ETag == eTag)
        {
            return cached.Value;
        }

        // One GET serves one version whole, and its ETag is the one cached with it. OpenRead's ranged reads would fail with
        // 412 when a writer replaces the blob between two ranges (a recalculation rewriting the snapshot): read it again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var download = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken);
                await using var content = download.Value.Content;
                var value = await read(content, blob.Name, cancellationToken);
                _cached = new Cached(download.Value.Details.ETag.ToString(), value);
                return value;
            }
            catch (RequestFailedException exception) when (exception.Status == 412 && attempt < MaxReads)
            {
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                return null;
            }
        }
    }

    /// <summary>How many times a blob replaced while it is read is read again before the failure is the caller's.</summary>
    private const int MaxReads = 3;

    private sealed record Cached(string ETag, T Value);
}
