using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SchoolRisk.Storage.Registry;

/// <summary>
/// One version of a committee file as read: the ETag and time the committee saved it (for the last good copy, those of
/// the file it was copied from), its content (<c>null</c> when it could not be read at all) and, when it cannot be used,
/// why (Russian, naming the file).
/// </summary>
public sealed record CommitteeFileVersion<T>(string FileName, string ETag, DateTimeOffset SavedAt, bool IsLastGood, T? Content, string? Unusable)
    where T : class
{
    /// <summary>Whether the version can be used: read, and at least one row valid.</summary>
    public bool Usable => Content is not null && Unusable is null;

    /// <summary>The version's id, in the order the committee saved them: <c>20261129T101500Z_1a2b3c4d</c> (time, then a hash of the ETag).</summary>
    public string Id =>
        SavedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "_" +
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ETag)))[..8];
}
