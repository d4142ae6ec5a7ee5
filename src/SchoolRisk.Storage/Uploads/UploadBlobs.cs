using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace SchoolRisk.Storage.Uploads;

/// <summary>
/// Uploads in the uploads container: read as streams pinned to one version (never loaded whole), hashed, and written
/// by tools and tests. The system never modifies or deletes an upload.
/// </summary>
public sealed class UploadBlobs(StorageAccount account)
{
    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(account.Options.UploadsContainer);

    /// <summary>The upload's current version, size and creation time; <c>null</c> when the blob does not exist.</summary>
    public async Task<UploadBlobInfo?> GetInfoAsync(string blobName, CancellationToken cancellationToken = default)
    {
        try
        {
            var properties = (await _container.GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return new UploadBlobInfo(properties.ETag.ToString(), properties.ContentLength, properties.CreatedOn);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Opens one version of an upload: if the blob changes meanwhile, reading fails instead of mixing contents.</summary>
    public async Task<Stream> OpenReadAsync(string blobName, string eTag, CancellationToken cancellationToken = default) =>
        await _container.GetBlobClient(blobName).OpenReadAsync(
            new BlobOpenReadOptions(allowModifications: false) { Conditions = new BlobRequestConditions { IfMatch = new ETag(eTag) } },
            cancellationToken);

    /// <summary>SHA-256 of one version's content, hex, read as a stream.</summary>
    public async Task<string> ComputeContentHashAsync(string blobName, string eTag, CancellationToken cancellationToken = default)
    {
        await using var content = await OpenReadAsync(blobName, eTag, cancellationToken);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
    }

    public async Task UploadAsync(string blobName, Stream content, CancellationToken cancellationToken = default) =>
        await _container.GetBlobClient(blobName).UploadAsync(content, overwrite: false, cancellationToken);
}
