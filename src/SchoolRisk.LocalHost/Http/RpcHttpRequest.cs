using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;
using SchoolRisk.LocalHost.Bindings;
using SchoolRisk.LocalHost.Keys;

namespace SchoolRisk.LocalHost.Http;

/// <summary>
/// An HTTP request as the Functions host hands it to a worker that does not proxy HTTP (<c>ToRpcHttp</c> in
/// <c>GrpcMessageConversionExtensions</c>, for a worker with the capabilities worker 2.x declares): an <c>RpcHttp</c>
/// with the method, the absolute URL with its query, <c>nullable_headers</c> (names lower-cased, repeated values
/// joined by commas), <c>nullable_query</c>, <c>nullable_params</c> (the route values), the body as <c>bytes</c> (and
/// as <c>rawBody</c> too for a worker without <c>RpcHttpBodyOnly</c>), and the caller's identities: an
/// <see cref="KeyGrant"/>'s <c>WebJobsAuthLevel</c> identity, or, with no key, the empty identity of ASP.NET Core's
/// default principal. Both carry the name and role claim types, which the worker reads without a null check
/// (<c>GrpcHttpRequestData.Identities</c>).
/// </summary>
internal static class RpcHttpRequest
{
    /// <param name="context">The request.</param>
    /// <param name="body">Its body, read whole; empty for none.</param>
    /// <param name="grant">What its key granted, or <c>null</c>.</param>
    /// <param name="bodyOnly">Whether the worker declared <c>RpcHttpBodyOnly</c>.</param>
    public static RpcHttp Create(HttpContext context, byte[] body, KeyGrant? grant, bool bodyOnly)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var http = new RpcHttp
        {
            Method = request.Method,
            Url = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}",
        };
        foreach (var (name, value) in request.Query)
        {
            http.NullableQuery[name] = new NullableString { Value = value.ToString() };
        }

        foreach (var (name, value) in request.Headers)
        {
            http.NullableHeaders[name.ToLowerInvariant()] = new NullableString { Value = value.ToString() };
        }

        foreach (var (name, value) in RouteValues(context))
        {
            http.NullableParams[name] = new NullableString { Value = value };
        }

        http.Identities.Add(Identity(grant));
        if (body.Length > 0)
        {
            http.Body = new TypedData { Bytes = ByteString.CopyFrom(body) };
            if (!bodyOnly)
            {
                http.RawBody = new TypedData { Bytes = http.Body.Bytes };
            }
        }

        return http;
    }

    /// <summary>
    /// The trigger metadata of an HTTP request, as the HTTP extension's binding data: each route value and query value
    /// as a string (route values win), <c>Query</c> and <c>Headers</c> as JSON objects. Route values must be there:
    /// the worker binds route parameters (<c>string id</c>) from the trigger metadata only.
    /// </summary>
    public static Dictionary<string, TypedData> Metadata(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var metadata = new Dictionary<string, TypedData>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in RouteValues(context))
        {
            metadata[name] = TypedDataValue.Text(value);
        }

        foreach (var (name, value) in request.Query)
        {
            metadata.TryAdd(name, TypedDataValue.Text(value.ToString()));
        }

        metadata.TryAdd("Query", TypedDataValue.Json(JsonSerializer.Serialize(request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString()))));
        metadata.TryAdd("Headers", TypedDataValue.Json(JsonSerializer.Serialize(request.Headers.ToDictionary(pair => pair.Key, pair => pair.Value.ToString()))));
        return metadata;
    }

    /// <summary>The values binding expressions may name: the route values and query values.</summary>
    public static BindingData BindingData(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = new BindingData();
        foreach (var (name, value) in context.Request.Query)
        {
            data.Set(name, value.ToString());
        }

        foreach (var (name, value) in RouteValues(context))
        {
            data.Set(name, value);
        }

        return data;
    }

    private static IEnumerable<(string Name, string Value)> RouteValues(HttpContext context) =>
        context.Request.RouteValues
            .Where(pair => pair.Value is not null)
            .Select(pair => (pair.Key, Convert.ToString(pair.Value, CultureInfo.InvariantCulture) ?? string.Empty));

    private static RpcClaimsIdentity Identity(KeyGrant? grant)
    {
        var identity = new RpcClaimsIdentity
        {
            NameClaimType = new NullableString { Value = ClaimTypes.Name },
            RoleClaimType = new NullableString { Value = ClaimTypes.Role },
        };
        if (grant is not null)
        {
            identity.AuthenticationType = new NullableString { Value = KeyGrant.AuthenticationType };
            identity.Claims.Add(new RpcClaim { Type = KeyGrant.AuthLevelClaim, Value = grant.Level });
            identity.Claims.Add(new RpcClaim { Type = KeyGrant.InvokeClaim, Value = "true" });
            identity.Claims.Add(new RpcClaim { Type = KeyGrant.KeyIdClaim, Value = grant.KeyName });
        }

        return identity;
    }
}
