using Azure.Storage.Sas;
using SchoolRisk.Storage.Uploads;

namespace SchoolRisk.Storage.Reports;

/// <summary>
/// Short-lived read-only links to blobs of the reports container (a municipality's error report, its analytical note),
/// for letters: a blob SAS (<c>sr=b</c>, <c>sp=r</c>) on exactly one blob each. With an identity-based connection (Azure,
/// where the account refuses shared keys) it is a user delegation SAS, signed with a key the app's Microsoft Entra
/// identity obtains, over HTTPS only; with a connection string (the local emulator) it is signed with the account key.
/// </summary>
public sealed class ReportReadLinks(StorageAccount account, TimeProvider time)
{
    /// <summary>The longest a link lives: a user delegation key, and so a user delegation SAS, lives at most 7 days.</summary>
    public static readonly TimeSpan MaxLifetime = UploadAccess.MaxDelegatedLifetime;

    /// <summary>Clocks differ: a link is valid from a few minutes before it is issued.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Issues one link per blob, in the order given, all valid for <paramref name="lifetime"/> from now.</summary>
    /// <param name="blobNames">Blob names in the reports container, such as <c>2023-2024/gatchinsky/{uploadId}/errors.csv</c>.</param>
    /// <param name="lifetime">How long the links work: more than zero, at most <see cref="MaxLifetime"/>.</param>
    /// <param name="cancellationToken">Cancels obtaining a delegation key.</param>
    /// <exception cref="ArgumentOutOfRangeException">The lifetime is not in (0, <see cref="MaxLifetime"/>].</exception>
    /// <exception cref="InvalidOperationException">A connection string without an account key to sign with.</exception>
    /// <exception cref="Azure.RequestFailedException">The identity may not obtain a user delegation key.</exception>
    public Task<ReadLinks> IssueAsync(IReadOnlyList<string> blobNames, TimeSpan lifetime, CancellationToken cancellationToken = default) =>
        IssueAsync(account.Options.ReportsContainer, blobNames, lifetime, cancellationToken);

    /// <summary>
    /// Issues one link per blob of <paramref name="containerName"/>, in the order given, all valid for
    /// <paramref name="lifetime"/> from now: as <see cref="IssueAsync(IReadOnlyList{string}, TimeSpan, CancellationToken)"/>
    /// for another container (a notice too large for its Service Bus message links its blob in <c>notices</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The lifetime is not in (0, <see cref="MaxLifetime"/>].</exception>
    /// <exception cref="InvalidOperationException">A connection string without an account key to sign with.</exception>
    /// <exception cref="Azure.RequestFailedException">The identity may not obtain a user delegation key.</exception>
    public async Task<ReadLinks> IssueAsync(string containerName, IReadOnlyList<string> blobNames, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blobNames);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lifetime, MaxLifetime);
        var now = time.GetUtcNow();
        var expiresOn = now + lifetime;
        return new ReadLinks(
            await BlobLinkSigner.SignAsync(account, containerName, blobNames, BlobSasPermissions.Read, now - ClockSkew, expiresOn, cancellationToken), expiresOn);
    }
}

/// <summary>Links issued together (in the order their blobs were given), and until when they work.</summary>
public sealed record ReadLinks(IReadOnlyList<Uri> Urls, DateTimeOffset ExpiresOn);
