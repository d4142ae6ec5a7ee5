using Azure.Storage.Sas;
using SchoolRisk.Domain.Uploads;

namespace SchoolRisk.Storage.Uploads;

/// <summary>
/// The valet key of the page's upload: a link that lets a browser create exactly one new blob in the uploads container
/// and do nothing else (a blob SAS, <c>sr=b</c>, <c>sp=c</c>: create only, so it can neither overwrite an earlier upload,
/// nor read, list or delete), for <see cref="Lifetime"/>. The browser puts the file straight to Blob storage; the
/// function that issues the link never carries it. Signed as <see cref="Reports.ReportReadLinks"/> signs (a user
/// delegation SAS with the app's identity in Azure, the account key against the emulator).
/// </summary>
public sealed class UploadLinks(StorageAccount account, TimeProvider time)
{
    /// <summary>How long a link works: 10 minutes, enough to start an upload of the largest file accepted.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Clocks differ: the link is valid from a minute before it is issued.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    /// <summary>A link to create the blob of <paramref name="path"/>.</summary>
    /// <exception cref="InvalidOperationException">A connection string without an account key to sign with.</exception>
    /// <exception cref="Azure.RequestFailedException">The identity may not obtain a user delegation key.</exception>
    public async Task<UploadLink> IssueAsync(UploadPath path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var now = time.GetUtcNow();
        var expiresOn = now + Lifetime;
        var urls = await BlobLinkSigner.SignAsync(
            account, account.Options.UploadsContainer, [path.BlobName], BlobSasPermissions.Create, now - ClockSkew, expiresOn, cancellationToken);
        return new UploadLink(urls[0], path.BlobName, expiresOn);
    }
}

/// <summary>A link to create one blob (<see cref="UploadLinks"/>): where to <c>PUT</c> the file, its blob name in the uploads container, and until when the link works.</summary>
public sealed record UploadLink(Uri Url, string BlobName, DateTimeOffset ExpiresOn);
