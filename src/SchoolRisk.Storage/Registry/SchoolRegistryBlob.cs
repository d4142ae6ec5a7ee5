using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Storage.Registry;

/// <summary>
/// The school registry blob (<c>registry/schools.csv</c>), kept by the committee, and its last good copy
/// (<c>registry/last-good/schools.csv</c>). Read once per ETag: a registry edited by the committee is picked up by the
/// next upload without a restart. The registry in use is the file's valid rows, or, when the file cannot be used at all
/// (unreadable, a column missing, no valid row, deleted), the last version that could.
/// </summary>
public sealed class SchoolRegistryBlob(StorageAccount account)
{
    private readonly CommitteeFile<SchoolRegistry> _file = new(
        account.Blobs.GetBlobContainerClient(account.Options.RegistryContainer), account.Options.RegistryBlob, SchoolRegistry.ReadCsvAsync);

    /// <summary>
    /// The registry in use. Throws <see cref="InvalidOperationException"/> when no version of it was ever usable: uploads
    /// then fail and are retried until the committee writes a usable one.
    /// </summary>
    public async Task<SchoolRegistry> LoadAsync(CancellationToken cancellationToken = default)
    {
        var state = await _file.LoadAsync(cancellationToken);
        return state.InUse?.Content
            ?? throw new InvalidOperationException(
                $"No usable school registry: {_file.Blob.BlobContainerName}/{_file.Blob.Name} {(state.Current is { } current ? $"cannot be used ({current.Unusable})" : "does not exist")} and no earlier version could be used; the committee uploads one.");
    }

    /// <summary>The registry file now and the version in use, for telling the committee what its edit did.</summary>
    public async Task<CommitteeFileState<SchoolRegistry>> CheckAsync(CancellationToken cancellationToken = default) => await _file.LoadAsync(cancellationToken);

    /// <summary>Replaces the registry with a CSV file.</summary>
    public async Task UploadAsync(Stream content, CancellationToken cancellationToken = default) =>
        await _file.Blob.UploadAsync(content, overwrite: true, cancellationToken);
}
