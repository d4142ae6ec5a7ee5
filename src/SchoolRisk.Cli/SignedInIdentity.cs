using System.Text;
using System.Text.Json;
using Azure.Core;

namespace SchoolRisk.Cli;

/// <summary>
/// Who the CLI acts as in Azure: the identity of the Microsoft Entra token its credential obtains for Azure Storage
/// (the same token every storage call carries), by the claims that name a person or an application: <c>upn</c>, then
/// <c>preferred_username</c>, then <c>unique_name</c>, then the object id <c>oid</c>. What the audit records of an
/// administrator's change, instead of a name the administrator types.
/// </summary>
public static class SignedInIdentity
{
    /// <summary>The scope of the storage token, the one the storage clients ask for.</summary>
    public const string StorageScope = "https://storage.azure.com/.default";

    /// <summary>Obtains a storage token with <paramref name="credential"/> and names its identity (<see cref="NameOf"/>).</summary>
    public static async Task<string> OfAsync(TokenCredential credential, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var token = await credential.GetTokenAsync(new TokenRequestContext([StorageScope]), cancellationToken);
        return NameOf(token.Token);
    }

    /// <summary>
    /// The identity a JWT access token names: <c>upn</c>, <c>preferred_username</c> or <c>unique_name</c> with the object
    /// id (<c>a.petrova@edu.example.ru, oid 1f2e…</c>), or the object id alone (<c>oid 1f2e…</c>, a managed identity or a
    /// service principal). Throws <see cref="FormatException"/> for a token that is not a JWT or names nobody.
    /// </summary>
    public static string NameOf(string jwt)
    {
        ArgumentNullException.ThrowIfNull(jwt);
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            throw new FormatException("The access token is not a JWT: it cannot tell who is signed in.");
        }

        var payload = parts[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        using var claims = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
        string? Claim(string name) =>
            claims.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

        var oid = Claim("oid");
        var name = Claim("upn") ?? Claim("preferred_username") ?? Claim("unique_name");
        return (name, oid) switch
        {
            ({ } person, { } id) => $"{person}, oid {id}",
            ({ } person, null) => person,
            (null, { } id) => $"oid {id}",
            _ => throw new FormatException("The access token names no identity (no upn, preferred_username, unique_name or oid claim)."),
        };
    }
}
