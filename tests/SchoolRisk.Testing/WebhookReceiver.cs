using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SchoolRisk.Testing;

/// <summary>
/// A webhook receiver as a municipality would write one: it verifies the HMAC-SHA256 signature of
/// <c>{timestamp}.{body}</c> with its secret (401 when it does not match), ignores a delivery id it has seen, and
/// answers <see cref="Status"/> otherwise. <see cref="MovedUrl"/> is an old address that answers <c>301</c> pointing at
/// <see cref="Url"/>, where a GET (what a client following the redirect would send) is answered 200 and counted.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri Url => new($"{_app.Urls.First()}/hooks/risk");

    /// <summary>The receiver's old address: every POST there is answered <c>301 Moved Permanently</c> to <see cref="Url"/>.</summary>
    public Uri MovedUrl => new($"{_app.Urls.First()}/hook-301");

    /// <summary>GET requests to <see cref="Url"/>: a sender that followed the redirect.</summary>
    public int Gets { get; private set; }

    /// <summary>What the receiver answers a valid, new delivery.</summary>
    public int Status { get; set; } = StatusCodes.Status200OK;

    /// <summary>Deliveries accepted (signature valid, answered 2xx), by delivery id.</summary>
    public ConcurrentDictionary<string, string> Accepted { get; } = new();

    public int Rejected { get; private set; }

    public static async Task<WebhookReceiver> StartAsync(string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks/risk", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var timestamp = request.Headers["X-SchoolRisk-Timestamp"].ToString();
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(request.Headers["X-SchoolRisk-Signature"].ToString())))
            {
                receiver.Rejected++;
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            }

            var delivery = request.Headers["X-SchoolRisk-Delivery"].ToString();
            if (receiver.Status / 100 == 2)
            {
                receiver.Accepted.TryAdd(delivery, body);
            }

            return Results.StatusCode(receiver.Status);
        });
        app.MapPost("/hook-301", () => Results.Redirect("/hooks/risk", permanent: true));
        app.MapGet("/hooks/risk", () =>
        {
            receiver.Gets++;
            return Results.Ok();
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
