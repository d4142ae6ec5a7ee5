using Azure.Storage.Blobs;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Storage.Registry;

/// <summary>
/// The school registry blob. Read once and cached by ETag: a registry edited by the committee is picked up by the next
/// upload without a restart, and an unchanged one costs one properties request.
/// </summary>
public sealed class RegistryStore(StorageAccount account)
{
    private readonly BlobClient _blob = account.Blobs
        .GetBlobContainerClient(account.Options.RegistryContainer)
        .GetBlobClient(account.Options.RegistryBlob);

    /// <summary>Replaced whole, never changed: concurrent uploads read one consistent pair.</summary>
    private volatile CachedRegistry? _cached;

    public async Task<SchoolRegistry> LoadAsync(CancellationToken cancellationToken = default)
    {
        var eTag = (await _blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ETag.ToString();
        if (_cached is { } cached && cached.ETag == eTag)
        {
            return cached.Registry;
        }

        await using var content = await _blob.OpenReadAsync(cancellationToken: cancellationToken);
        var registry = await SchoolRegistry.ReadCsvAsync(content, _blob.Name, cancellationToken);
        _cached = new CachedRegistry(eTag, registry);
        return registry;
    }

    /// <summary>Replaces the registry with a CSV file.</summary>
    public async Task UploadAsync(Stream content, CancellationToken cancellationToken = default) =>
        await _blob.UploadAsync(content, overwrite: true, cancellationToken);

    private sealed record CachedRegistry(string ETag, SchoolRegistry Registry);
}
