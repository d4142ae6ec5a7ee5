using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace SchoolRisk.LocalHost.ContractWorker;

/// <summary>What the HTTP functions saw of a request, written back as JSON; the body itself only when it is short (1 KB).</summary>
public sealed record Echo(
    string Function,
    string Name,
    string Method,
    string Url,
    string? Query,
    string? Header,
    string? Body,
    long BodyLength,
    string? AuthLevel,
    string? KeyId,
    string? AuthenticationType);

/// <summary>
/// The multi-output answer of <see cref="HttpFunctions.Orders"/>: one queue message, a queue message per line of the
/// body (none when the body is empty), and the HTTP response.
/// </summary>
public sealed class OrderOutput
{
    [QueueOutput("orders-single")]
    public string? Summary { get; init; }

    [QueueOutput("orders-lines")]
    public string[]? Lines { get; init; }

    [HttpResult]
    public required HttpResponseData Response { get; init; }
}

/// <summary>HTTP-triggered functions (<c>HttpRequestData</c>): route parameters, the three auth levels, the key's identity, outputs.</summary>
public sealed class HttpFunctions
{
    private const string AuthLevelClaim = "http://schemas.microsoft.com/2017/07/functions/claims/authlevel";
    private const string KeyIdClaim = "http://schemas.microsoft.com/2017/07/functions/claims/keyid";

    [Function(nameof(Who))]
    public static Task<HttpResponseData> Who([HttpTrigger(AuthorizationLevel.Function, "get", "post", Route = "who/{name}")] HttpRequestData req, string name) =>
        EchoAsync(nameof(Who), req, name);

    [Function(nameof(WhoOpen))]
    public static Task<HttpResponseData> WhoOpen([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "open/{name}")] HttpRequestData req, string name) =>
        EchoAsync(nameof(WhoOpen), req, name);

    [Function(nameof(WhoAdmin))]
    public static Task<HttpResponseData> WhoAdmin([HttpTrigger(AuthorizationLevel.Admin, "get", Route = "master/{name}")] HttpRequestData req, string name) =>
        EchoAsync(nameof(WhoAdmin), req, name);

    /// <summary>Accepts an order: 202 with header <c>X-Order-Id</c>, and the queue outputs of <see cref="OrderOutput"/>.</summary>
    [Function(nameof(Orders))]
    public static async Task<OrderOutput> Orders([HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{id}")] HttpRequestData req, string id)
    {
        ArgumentNullException.ThrowIfNull(req);
        var body = await req.ReadAsStringAsync() ?? string.Empty;
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var response = req.CreateResponse(HttpStatusCode.Accepted);
        response.Headers.Add("X-Order-Id", id);
        await response.WriteStringAsync($"accepted {id}");
        return new OrderOutput { Summary = $"order:{id}", Lines = lines.Length == 0 ? null : lines, Response = response };
    }

    private static async Task<HttpResponseData> EchoAsync(string function, HttpRequestData req, string name)
    {
        ArgumentNullException.ThrowIfNull(req);
        var identity = req.Identities.FirstOrDefault(id => id.HasClaim(claim => claim.Type == AuthLevelClaim));
        var body = await req.ReadAsStringAsync() ?? string.Empty;
        var echo = new Echo(
            function,
            name,
            req.Method,
            req.Url.ToString(),
            req.Query["x"],
            req.Headers.TryGetValues("X-Test", out var values) ? string.Join(",", values) : null,
            body.Length <= 1024 ? body : null,
            body.Length,
            identity?.FindFirst(AuthLevelClaim)?.Value,
            identity?.FindFirst(KeyIdClaim)?.Value,
            identity?.AuthenticationType);
        var response = req.CreateResponse();
        await response.WriteAsJsonAsync(echo);
        response.Headers.Add("X-Function", function);
        return response;
    }
}
