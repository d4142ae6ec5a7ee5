namespace SchoolRisk.Storage.Uploads;

/// <summary>What a <see cref="DirectorySas"/> grants: <paramref name="Permissions"/> on the blobs under <paramref name="Directory"/> of a container, until <paramref name="ExpiresOn"/>.</summary>
/// <param name="Account">The storage account's name.</param>
/// <param name="Container">The container (a file system, in Data Lake terms).</param>
/// <param name="Directory">The folder, without leading or trailing slashes, for example <c>2023-2024/gatchinsky</c>.</param>
/// <param name="Permissions">Service SAS permission letters in their canonical order, for example <c>rc</c> (read, create).</param>
/// <param name="ExpiresOn">When the SAS stops working.</param>
/// <param name="StartsOn">When it starts working; <c>null</c> for at once.</param>
public sealed record DirectoryScope(string Account, string Container, string Directory, string Permissions, DateTimeOffset ExpiresOn, DateTimeOffset? StartsOn = null)
{
    /// <summary>The folder's depth (<c>sdd</c>): how many names its path has.</summary>
    public int Depth => Directory.Split('/').Length;

    /// <summary>The resource as signed: <c>/blob/{account}/{container}/{directory}</c>.</summary>
    public string CanonicalName => $"/blob/{Account}/{Container}/{Directory}";
}
