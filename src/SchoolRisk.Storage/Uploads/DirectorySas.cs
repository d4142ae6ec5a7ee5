using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs.Models;

namespace SchoolRisk.Storage.Uploads;

/// <summary>
/// A directory SAS (<c>sr=d</c>, <c>sdd</c>): access to the blobs under one folder of a container and nothing else, on an
/// account with a hierarchical namespace. The Blob SDK's <c>BlobSasBuilder</c> cannot make one, and the Data Lake SDK
/// that can is not in the package registry, so the string-to-sign is built as the service SAS and user delegation SAS
/// references specify for <see cref="Version"/>; a test checks every signature against the Azure SDK for JavaScript's
/// Data Lake SAS for the same inputs.
/// </summary>
public static class DirectorySas
{
    /// <summary>The signed version (<c>sv</c>): directory scope needs 2020-02-10 or later; this one's string-to-sign has the encryption scope and no delegated user fields.</summary>
    public const string Version = "2024-11-04";

    private const string NotUsed = "";

    /// <summary>A SAS signed with the account key (the local emulator; an account that allows shared keys).</summary>
    public static string SignWithAccountKey(DirectoryScope scope, string accountKey)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var fields = new[]
        {
            scope.Permissions, Time(scope.StartsOn), Time(scope.ExpiresOn), scope.CanonicalName,
            NotUsed, // signed identifier (a stored access policy)
            NotUsed, NotUsed, // IP range, protocol
            Version, "d",
            NotUsed, NotUsed, // snapshot time, encryption scope
            NotUsed, NotUsed, NotUsed, NotUsed, NotUsed, // response headers: cache control, disposition, encoding, language, type
        };
        return Query(scope, [], Sign(accountKey, fields));
    }

    /// <summary>A user delegation SAS, signed with a key obtained with Microsoft Entra credentials (the only kind an account without shared keys accepts).</summary>
    public static string SignWithDelegationKey(DirectoryScope scope, UserDelegationKey key)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(key);
        var fields = new[]
        {
            scope.Permissions, Time(scope.StartsOn), Time(scope.ExpiresOn), scope.CanonicalName,
            key.SignedObjectId, key.SignedTenantId, Time(key.SignedStartsOn), Time(key.SignedExpiresOn), key.SignedService, key.SignedVersion,
            NotUsed, NotUsed, NotUsed, // authorized and unauthorized object ids, correlation id
            NotUsed, NotUsed, // IP range, protocol
            Version, "d",
            NotUsed, NotUsed, // snapshot time, encryption scope
            NotUsed, NotUsed, NotUsed, NotUsed, NotUsed, // response headers: cache control, disposition, encoding, language, type
        };
        (string, string)[] keyFields =
        [
            ("skoid", key.SignedObjectId), ("sktid", key.SignedTenantId), ("skt", Time(key.SignedStartsOn)),
            ("ske", Time(key.SignedExpiresOn)), ("sks", key.SignedService), ("skv", key.SignedVersion),
        ];
        return Query(scope, keyFields, Sign(key.Value, fields));
    }

    private static string Sign(string base64Key, string[] fields)
    {
        using var hmac = new HMACSHA256(Convert.FromBase64String(base64Key));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(string.Join('\n', fields))));
    }

    private static string Query(DirectoryScope scope, (string Name, string Value)[] keyFields, string signature)
    {
        var parameters = new List<(string Name, string Value)> { ("sv", Version) };
        if (scope.StartsOn is { } start)
        {
            parameters.Add(("st", Time(start)));
        }

        parameters.AddRange([("se", Time(scope.ExpiresOn)), ("sr", "d"), ("sp", scope.Permissions), ("sdd", scope.Depth.ToString(CultureInfo.InvariantCulture))]);
        parameters.AddRange(keyFields);
        parameters.Add(("sig", signature));
        return string.Join('&', parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));
    }

    private static string Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? string.Empty;
}
