using SchoolRisk.Domain.Notices.Recipients;

namespace SchoolRisk.Storage.Registry;

/// <summary>
/// The recipients directory blob (<c>registry/recipients.csv</c>), kept by the committee, and its last good copy
/// (<c>registry/last-good/recipients.csv</c>), cached by ETag like the school registry: an edit is used by the next
/// notice, no redeploy. The directory in use is the file's valid rows, or, when the file cannot be used at all, the last
/// version that could. No directory yet means no recipients.
/// </summary>
public sealed class RecipientListBlob(StorageAccount account)
{
    private readonly CommitteeFile<RecipientDirectory> _file = new(
        account.Blobs.GetBlobContainerClient(account.Options.RegistryContainer), account.Options.RecipientsBlob, RecipientDirectory.ReadCsvAsync);

    /// <summary>
    /// The directory in use. Throws <see cref="RecipientsUnusableException"/> with the file's problem (Russian) when the
    /// file cannot be used and no earlier version could: Notify then records the notice <c>Failed</c> with that reason,
    /// to be sent with <c>schoolrisk notices replay --failed</c> once the file is fixed, rather than go to nobody.
    /// </summary>
    public async Task<RecipientDirectory> LoadAsync(CancellationToken cancellationToken = default)
    {
        var state = await _file.LoadAsync(cancellationToken);
        return state.InUse?.Content
            ?? (state.Current is { } current ? throw new RecipientsUnusableException(current.Unusable!) : new RecipientDirectory([]));
    }

    /// <summary>The directory file now and the version in use, for telling the committee what its edit did.</summary>
    public async Task<CommitteeFileState<RecipientDirectory>> CheckAsync(CancellationToken cancellationToken = default) => await _file.LoadAsync(cancellationToken);

    /// <summary>Replaces the directory with a CSV file.</summary>
    public async Task UploadAsync(Stream content, CancellationToken cancellationToken = default) =>
        await _file.Blob.UploadAsync(content, overwrite: true, cancellationToken);
}
