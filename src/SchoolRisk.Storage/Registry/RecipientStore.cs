using Azure;
using Azure.Storage.Blobs;
using SchoolRisk.Domain.Notices.Recipients;

namespace SchoolRisk.Storage.Registry;

/// <summary>
/// The recipients directory blob (<c>registry/recipients.csv</c>), kept by the committee and cached by ETag like the
/// school registry: an edit is used by the next notice, no redeploy. No directory yet means no recipients.
/// </summary>
public sealed class RecipientStore(StorageAccount account)
{
    private readonly BlobClient _blob = account.Blobs
        .GetBlobContainerClient(account.Options.RegistryContainer)
        .GetBlobClient(account.Options.RecipientsBlob);

    private volatile CachedDirectory? _cached;

    public async Task<RecipientDirectory> LoadAsync(CancellationToken cancellationToken = default)
    {
        string eTag;
        try
        {
            eTag = (await _blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ETag.ToString();
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return new RecipientDirectory([]);
        }

        if (_cached is { } cached && cached.ETag == eTag)
        {
            return cached.Directory;
        }

        await using var content = await _blob.OpenReadAsync(cancellationToken: cancellationToken);
        var directory = await RecipientDirectory.ReadCsvAsync(content, _blob.Name, cancellationToken);
        _cached = new CachedDirectory(eTag, directory);
        return directory;
    }

    /// <summary>Replaces the directory with a CSV file.</summary>
    public async Task UploadAsync(Stream content, CancellationToken cancellationToken = default) =>
        await _blob.UploadAsync(content, overwrite: true, cancellationToken);

    private sealed record CachedDirectory(string ETag, RecipientDirectory Directory);
}
