using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace SchoolRisk.Storage.Uploads;

/// <summary>Reads uploads as streams (any size, never loaded whole) and writes them for tools and tests.</summary>
public sealed class UploadBlobStore(StorageAccount account)
{
    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(account.Options.UploadsContainer);

    /// <summary>Opens an upload for reading, pinned to its current version: a concurrent overwrite fails the read instead of mixing contents.</summary>
    public async Task<UploadContent> OpenReadAsync(string blobName, CancellationToken cancellationToken = default)
    {
        var blob = _container.GetBlobClient(blobName);
        var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
        var stream = await blob.OpenReadAsync(
            new BlobOpenReadOptions(allowModifications: false)
            {
                Conditions = new BlobRequestConditions { IfMatch = properties.Value.ETag },
            },
            cancellationToken);
        return new UploadContent(stream, properties.Value.ETag.ToString());
    }

    public async Task UploadAsync(string blobName, Stream content, CancellationToken cancellationToken = default) =>
        await _container.GetBlobClient(blobName).UploadAsync(content, overwrite: false, cancellationToken);
}
