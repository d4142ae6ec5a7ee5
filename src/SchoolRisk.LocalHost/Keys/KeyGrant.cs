namespace SchoolRisk.LocalHost.Keys;

/// <summary>
/// Who a request's key says the caller is: the level it grants (<c>Function</c> or <c>Admin</c>) and the key's name,
/// passed to the handler as the claims the Functions host puts on a key-authenticated request.
/// </summary>
public sealed record KeyGrant(string Level, string KeyName)
{
    public const string AuthLevelClaim = "http://schemas.microsoft.com/2017/07/functions/claims/authlevel";

    public const string KeyIdClaim = "http://schemas.microsoft.com/2017/07/functions/claims/keyid";

    /// <summary>The authentication type of the identity the Functions host builds from a key.</summary>
    public const string AuthenticationType = "WebJobsAuthLevel";
}
