using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Storage.Federal;

/// <summary>
/// A federal file in the registry container, <c>federal/{period}/{file}</c>: its blob, the ETag and time the committee
/// saved it, and the version id its report is filed under.
/// </summary>
public sealed record FederalFile(Period Period, string BlobName, string FileName, string ETag, DateTimeOffset SavedAt)
{
    /// <summary>
    /// The version's id, in the order the committee saved them, as a registry version's: <c>20261129T101500Z_1a2b3c4d</c>
    /// (time, then a hash of the ETag without its quotes: an upload's answer quotes it, a listing may not).
    /// </summary>
    public string VersionId =>
        SavedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "_" +
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ETag.Trim('"'))))[..8];
}
