using Azure.Storage.Blobs.Models;

namespace SchoolRisk.Storage.Uploads;

/// <summary>
/// Lets the page's origin put files to Blob storage with an upload link (<see cref="UploadLinks"/>): the blob service's
/// CORS rule for <c>PUT</c> (and its preflight) from that origin, with the headers a browser's block blob upload sends.
/// In Azure <c>infra/main.bicep</c> sets the same rule for the function app's address; the local stack sets it with this.
/// </summary>
public static class UploadCors
{
    /// <summary>The request headers an upload sends: the blob type, the content's type, and the client's own.</summary>
    public const string AllowedHeaders = "x-ms-blob-type,x-ms-version,x-ms-client-request-id,content-type";

    /// <summary>Replaces the blob service's CORS rules with one for <paramref name="origin"/> (scheme, host and port).</summary>
    public static async Task AllowAsync(StorageAccount account, Uri origin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(origin);
        var properties = (await account.Blobs.GetPropertiesAsync(cancellationToken)).Value;
        properties.Cors = [new BlobCorsRule
        {
            AllowedOrigins = origin.GetLeftPart(UriPartial.Authority),
            AllowedMethods = "PUT,OPTIONS",
            AllowedHeaders = AllowedHeaders,
            ExposedHeaders = "x-ms-request-id",
            MaxAgeInSeconds = 3600,
        }];
        await account.Blobs.SetPropertiesAsync(properties, cancellationToken);
    }
}
