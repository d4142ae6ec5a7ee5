using Microsoft.Azure.Functions.Worker.Http;
using SchoolRisk.Application.Views;

namespace SchoolRisk.Functions.Http;

/// <summary>
/// The function key a caller presented, as the Functions host tells the worker: the host checks the key and adds an
/// identity (authentication type <c>WebJobsAuthLevel</c>) whose claims name the key (<see cref="KeyIdClaim"/>) and its
/// level (<see cref="AuthLevelClaim"/>, <c>Admin</c> for the master key). They reach the function in
/// <see cref="HttpRequestData.Identities"/>, which the plain HTTP model carries and the ASP.NET Core integration does not
/// (the host sends an empty request to a proxying worker: <c>ToRpcHttp</c> in
/// <c>src/WebJobs.Script.Grpc/MessageExtensions/GrpcMessageConversionExtensions.cs</c>, Azure/azure-functions-host).
/// </summary>
public sealed record CallerKey(string? Name, bool IsMaster)
{
    /// <summary>The claim of the key's level (<c>Function</c>, <c>Admin</c>), as the host names it.</summary>
    public const string AuthLevelClaim = "http://schemas.microsoft.com/2017/07/functions/claims/authlevel";

    /// <summary>The claim of the key's name, as the host names it.</summary>
    public const string KeyIdClaim = "http://schemas.microsoft.com/2017/07/functions/claims/keyid";

    /// <summary>The key of <paramref name="request"/>'s caller; no name and not the master key when it presented none.</summary>
    public static CallerKey Of(HttpRequestData request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var claims = request.Identities.SelectMany(identity => identity.Claims).ToList();
        string? Claim(string type) => claims.FirstOrDefault(claim => claim.Type == type)?.Value;
        return new CallerKey(Claim(KeyIdClaim), Claim(AuthLevelClaim) == "Admin");
    }

    /// <summary>What this key may see of the views (<see cref="AccessScope.Of"/>).</summary>
    public AccessScope Scope => AccessScope.Of(Name, IsMaster);
}
