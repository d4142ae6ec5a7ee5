namespace SchoolRisk.LocalHost.Keys;

/// <summary>
/// Who a request's key says the caller is: the level it grants (<c>Function</c> or <c>Admin</c>) and the key's name,
/// passed to the function as the identity the Functions host puts on a key-authenticated request
/// (<c>AuthenticationLevelHandler</c> and <c>SecurityConstants</c> in Azure/azure-functions-host): authentication type
/// <see cref="AuthenticationType"/>, claims <see cref="AuthLevelClaim"/> = the level, <see cref="InvokeClaim"/> =
/// <c>true</c> and <see cref="KeyIdClaim"/> = the key's name.
/// </summary>
public sealed record KeyGrant(string Level, string KeyName)
{
    public const string AuthLevelClaim = "http://schemas.microsoft.com/2017/07/functions/claims/authlevel";

    public const string KeyIdClaim = "http://schemas.microsoft.com/2017/07/functions/claims/keyid";

    /// <summary>Whether the principal may invoke an HTTP function directly (always <c>true</c> for a key).</summary>
    public const string InvokeClaim = "http://schemas.microsoft.com/2017/07/functions/claims/invoke";

    /// <summary>The authentication type of the identity the Functions host builds from a key (<c>AuthLevelAuthenticationDefaults.AuthenticationScheme</c>).</summary>
    public const string AuthenticationType = "WebJobsAuthLevel";
}
