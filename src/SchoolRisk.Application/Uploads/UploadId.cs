using System.Security.Cryptography;
using System.Text;

namespace SchoolRisk.Application.Uploads;

/// <summary>An upload's id: a hash of its blob name and version, so a redelivered event is the same upload.</summary>
internal static class UploadId
{
    public static string For(string blobName, string eTag) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{blobName}\n{eTag}")))[..16];
}
