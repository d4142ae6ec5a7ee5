using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>
/// The outcome of checking a shared access signature: valid (with the resource it was signed for and when it
/// expires) or not, with the reason, which goes back to the client as the status description.
/// </summary>
internal sealed record SasVerdict(bool Valid, string Reason, string? Resource, DateTimeOffset? ExpiresAt)
{
    public static SasVerdict Refused(string reason) => new(false, reason, null, null);
}

/// <summary>
/// Checks a Service Bus shared access signature,
/// <c>SharedAccessSignature sr={url-encoded resource}&amp;sig={url-encoded base64 HMAC}&amp;se={unix seconds}&amp;skn={key name}</c>,
/// as the client builds it (<c>Azure.Messaging.ServiceBus.Authorization.SharedAccessSignature.BuildSignature</c>):
/// the signature is the HMAC-SHA256, keyed with the UTF-8 bytes of the key, of the URL-encoded resource exactly as it
/// appears in <c>sr</c>, a line feed, and the expiry as it appears in <c>se</c>. The key name must be the configured one
/// and the expiry still ahead. The same token comes in a CBS <c>put-token</c> and in the management API's
/// <c>Authorization</c> header.
/// </summary>
internal static class SharedAccessSignatureCheck
{
    private const string Prefix = "SharedAccessSignature ";

    public static SasVerdict Check(string? token, string keyName, string key, DateTimeOffset now)
    {
        if (token is null || !token.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return SasVerdict.Refused("The token is not a shared access signature.");
        }

        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in token[Prefix.Length..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                fields[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
            }
        }

        if (!fields.TryGetValue("sr", out var resource) || !fields.TryGetValue("sig", out var signature)
            || !fields.TryGetValue("se", out var expiry) || !fields.TryGetValue("skn", out var signedKeyName))
        {
            return SasVerdict.Refused("The shared access signature lacks one of sr, sig, se, skn.");
        }

        if (!string.Equals(WebUtility.UrlDecode(signedKeyName), keyName, StringComparison.Ordinal))
        {
            return SasVerdict.Refused($"The key name '{WebUtility.UrlDecode(signedKeyName)}' is not the namespace's key.");
        }

        if (!long.TryParse(WebUtility.UrlDecode(expiry), NumberStyles.None, CultureInfo.InvariantCulture, out var unixSeconds))
        {
            return SasVerdict.Refused("The expiry (se) is not a number of seconds.");
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes($"{resource}\n{expiry}"));
        byte[] given;
        try
        {
            given = Convert.FromBase64String(WebUtility.UrlDecode(signature));
        }
        catch (FormatException)
        {
            return SasVerdict.Refused("The signature (sig) is not base64.");
        }

        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return SasVerdict.Refused("The signature does not match the namespace's key.");
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
        return expiresAt <= now
            ? SasVerdict.Refused($"The shared access signature expired at {expiresAt:O}.")
            : new SasVerdict(true, "Valid.", WebUtility.UrlDecode(resource), expiresAt);
    }
}
