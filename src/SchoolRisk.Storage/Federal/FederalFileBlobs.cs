using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SchoolRisk.Domain.Federal;
using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Storage.Federal;

/// <summary>
/// The committee's federal files in the registry container, <c>federal/{period}/{file}</c> (<see cref="FederalPath"/>).
/// Every file stays as saved (an upload under a name already taken gets the time added); the newest of a period's
/// folder, by the time it was saved, is the period's federal list.
/// </summary>
public sealed class FederalFileBlobs(StorageAccount account, TimeProvider time)
{
    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(account.Options.RegistryContainer);

    /// <summary>
    /// Saves a file as the period's newest, under <paramref name="fileName"/> or, when a file of that name exists (it is
    /// never overwritten), under the name with the time (UTC) added: <c>{stem}-{yyyyMMdd-HHmmss}{ext}</c>.
    /// </summary>
    /// <exception cref="RequestFailedException">409 when both names are taken (the same file saved twice within a second).</exception>
    public async Task<FederalFile> UploadAsync(Period period, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var stamped = $"{Path.GetFileNameWithoutExtension(fileName)}-{time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}{Path.GetExtension(fileName)}";
        foreach (var name in new[] { fileName, stamped })
        {
            var blob = _container.GetBlobClient(FederalPath.FolderOf(period) + name);
            try
            {
                content.Position = 0;
                var saved = (await blob.UploadAsync(content, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken)).Value;
                return new FederalFile(period, blob.Name, name, saved.ETag.ToString(), saved.LastModified);
            }
            catch (RequestFailedException exception) when (exception.Status == 409 && name == fileName)
            {
                // The name is taken: an original is never overwritten; try the name with the time added.
            }
        }

        throw new InvalidOperationException("Unreachable: the second name either succeeds or throws.");
    }

    /// <summary>The newest file of the period's folder (by the time saved, then by name), or <c>null</c> when the folder is empty.</summary>
    public async Task<FederalFile?> NewestAsync(Period period, CancellationToken cancellationToken = default)
    {
        FederalFile? newest = null;
        await foreach (var blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, FederalPath.FolderOf(period), cancellationToken))
        {
            if (!FederalPath.TryParse(blob.Name, out _, out var fileName) || blob.Properties.LastModified is not { } savedAt)
            {
                continue;
            }

            if (newest is null || savedAt > newest.SavedAt || (savedAt == newest.SavedAt && string.CompareOrdinal(blob.Name, newest.BlobName) > 0))
            {
                newest = new FederalFile(period, blob.Name, fileName, blob.Properties.ETag?.ToString() ?? string.Empty, savedAt);
            }
        }

        return newest;
    }

    /// <summary>The file's content as saved, or <c>null</c> when it is gone or was replaced since it was listed (its ETag changed).</summary>
    public async Task<Stream?> OpenAsync(FederalFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            var download = await _container.GetBlobClient(file.BlobName).DownloadContentAsync(
                new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = new ETag(file.ETag) } }, cancellationToken);
            return download.Value.Content.ToStream();
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            return null;
        }
    }
}
