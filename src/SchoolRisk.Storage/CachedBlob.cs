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

        await using var content = await blob.OpenReadAsync(cancellationToken: cancellationToken);
        var value = await read(content, blob.Name, cancellationToken);
        _cached = new Cached(eTag, value);
        return value;
    }

    private sealed record Cached(string ETag, T Value);
}
