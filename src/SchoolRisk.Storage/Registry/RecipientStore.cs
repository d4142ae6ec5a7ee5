using SchoolRisk.Domain.Notices.Recipients;

namespace SchoolRisk.Storage.Registry;

/// <summary>
/// The recipients directory blob (<c>registry/recipients.csv</c>), kept by the committee and cached by ETag like the
/// school registry: an edit is used by the next notice, no redeploy. No directory yet means no recipients.
/// </summary>
public sealed class RecipientStore(StorageAccount account)
{
    private readonly CachedBlob<RecipientDirectory> _directory = new(
        account.Blobs.GetBlobContainerClient(account.Options.RegistryContainer).GetBlobClient(account.Options.RecipientsBlob),
        RecipientDirectory.ReadCsvAsync);

    public async Task<RecipientDirectory> LoadAsync(CancellationToken cancellationToken = default) =>
        await _directory.LoadAsync(cancellationToken) ?? new RecipientDirectory([]);

    /// <summary>Replaces the directory with a CSV file.</summary>
    public async Task UploadAsync(Stream content, CancellationToken cancellationToken = default) =>
        await _directory.Blob.UploadAsync(content, overwrite: true, cancellationToken);
}
