namespace SchoolRisk.Storage.Uploads;

/// <summary>A municipality's access to its upload folder: the folder's URL with a directory SAS, valid until <paramref name="ExpiresOn"/>.</summary>
public sealed record UploadGrant(Uri FolderUrl, DateTimeOffset ExpiresOn, string Permissions)
{
    /// <summary>The URL to <c>PUT</c> one file to: the folder's, with the file name before the SAS.</summary>
    public Uri FileUrl(string fileName) =>
        new($"{FolderUrl.GetLeftPart(UriPartial.Path)}/{Uri.EscapeDataString(fileName)}{FolderUrl.Query}");
}
