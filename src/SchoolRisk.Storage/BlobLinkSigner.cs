using Azure.Storage.Sas;

namespace SchoolRisk.Storage;

/// <summary>
/// Signs links to single blobs (a blob SAS, <c>sr=b</c>): with an identity-based connection (Azure, where the account
/// refuses shared keys) a user delegation SAS, signed with a key the app's Microsoft Entra identity obtains, over HTTPS
/// only; with a connection string (the local emulator) signed with the account key.
/// </summary>
internal static class BlobLinkSigner
{
    /// <summary>One link per blob of <paramref name="containerName"/>, in the order given, all with <paramref name="permissions"/> from <paramref name="startsOn"/> to <paramref name="expiresOn"/>.</summary>
    /// <exception cref="InvalidOperationException">A connection string without an account key to sign with.</exception>
    /// <exception cref="Azure.RequestFailedException">The identity may not obtain a user delegation key.</exception>
    public static async Task<IReadOnlyList<Uri>> SignAsync(
        StorageAccount account, string containerName, IReadOnlyList<string> blobNames, BlobSasPermissions permissions,
        DateTimeOffset startsOn, DateTimeOffset expiresOn, CancellationToken cancellationToken)
    {
        var container = account.Blobs.GetBlobContainerClient(containerName);
        BlobSasBuilder SasFor(string blobName) => new(permissions, expiresOn)
        {
            BlobContainerName = container.Name,
            BlobName = blobName,
            Resource = "b",
            StartsOn = startsOn,
        };

        if (account.Options.AccountName is null)
        {
            return [.. blobNames.Select(blobName =>
            {
                var blob = container.GetBlobClient(blobName);
                return blob.CanGenerateSasUri
                    ? blob.GenerateSasUri(SasFor(blobName))
                    : throw new InvalidOperationException("The storage connection string has no account key to sign blob links with; connect with an identity (AzureWebJobsStorage__accountName) instead.");
            })];
        }

        var key = (await account.Blobs.GetUserDelegationKeyAsync(startsOn, expiresOn, cancellationToken)).Value;
        return [.. blobNames.Select(blobName =>
        {
            var sas = SasFor(blobName);
            sas.Protocol = SasProtocol.Https;
            return new Azure.Storage.Blobs.BlobUriBuilder(container.GetBlobClient(blobName).Uri) { Sas = sas.ToSasQueryParameters(key, account.Blobs.AccountName) }.ToUri();
        })];
    }
}
