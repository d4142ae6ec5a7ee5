using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Storage.Registry;

/// <summary>
/// The school registry blob (<c>registry/schools.csv</c>), kept by the committee. Read once and cached by ETag: a
/// registry edited by the committee is picked up by the next upload without a restart.
/// </summary>
public sealed class RegistryStore(StorageAccount account)
{
    private readonly CachedBlob<SchoolRegistry> _registry = new(
        account.Blobs.GetBlobContainerClient(account.Options.RegistryContainer).GetBlobClient(account.Options.RegistryBlob),
        SchoolRegistry.ReadCsvAsync);

    public async Task<SchoolRegistry> LoadAsync(CancellationToken cancellationToken = default) =>
        await _registry.LoadAsync(cancellationToken)
            ?? throw new InvalidOperationException($"The school registry {_registry.Blob.BlobContainerName}/{_registry.Blob.Name} does not exist: the committee uploads it first.");

    /// <summary>Replaces the registry with a CSV file.</summary>
    public async Task UploadAsync(Stream content, CancellationToken cancellationToken = default) =>
        await _registry.Blob.UploadAsync(content, overwrite: true, cancellationToken);
}
