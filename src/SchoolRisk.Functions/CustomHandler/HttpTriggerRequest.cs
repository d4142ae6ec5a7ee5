using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace SchoolRisk.Functions.CustomHandler;

/// <summary>
/// What the Functions host passes for an HTTP trigger in <c>Data.{binding}</c>: the request's <c>Url</c>,
/// <c>Method</c>, <c>Query</c>, <c>Headers</c>, route <c>Params</c>, the caller's <c>Identities</c> and the <c>Body</c> as text.
/// </summary>
public sealed record HttpTriggerRequest(
    string Url,
    string Method,
    Dictionary<string, string>? Params,
    IReadOnlyList<HttpTriggerIdentity>? Identities,
    string? Body)
{
    public const string AuthLevelClaim = "http://schemas.microsoft.com/2017/07/functions/claims/authlevel";

    public const string KeyIdClaim = "http://schemas.microsoft.com/2017/07/functions/claims/keyid";

    /// <summary>The name of the function key the caller presented, or <c>null</c> when it presented none.</summary>
    public string? KeyName => Claim(KeyIdClaim);

    /// <summary>Whether the caller presented the master key.</summary>
    public bool HasMasterKey => Claim(AuthLevelClaim) == "Admin";

    public string? Param(string name) => Params is not null && Params.TryGetValue(name, out var value) ? value : null;

    public static bool TryRead(InvocationRequest request, string binding, [NotNullWhen(true)] out HttpTriggerRequest? trigger)
    {
        ArgumentNullException.ThrowIfNull(request);
        trigger = request.Data is not null && request.Data.TryGetValue(binding, out var value) && value.ValueKind == JsonValueKind.Object
            ? value.Deserialize<HttpTriggerRequest>(FunctionJson.Options)
            : null;
        return trigger is not null;
    }

    private string? Claim(string type) =>
        Identities?.SelectMany(identity => identity.Claims ?? []).FirstOrDefault(claim => claim.Type == type)?.Value;
}

/// <summary>One identity of an HTTP trigger's caller, as the Functions host serialises a <c>ClaimsIdentity</c>.</summary>
public sealed record HttpTriggerIdentity(string? AuthenticationType, IReadOnlyList<HttpTriggerClaim>? Claims);

/// <summary>One claim of a caller's identity.</summary>
public sealed record HttpTriggerClaim(string Type, string Value);
