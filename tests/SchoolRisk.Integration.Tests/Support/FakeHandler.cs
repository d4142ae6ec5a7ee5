using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SchoolRisk.Integration.Tests.Support;

/// <summary>A custom handler for testing the local host: records every invocation payload and answers as told.</summary>
public sealed class FakeHandler : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeHandler(WebApplication app, ConcurrentQueue<(string Function, JsonElement Payload)> invocations)
    {
        _app = app;
        Invocations = invocations;
    }

    public ConcurrentQueue<(string Function, JsonElement Payload)> Invocations { get; }

    public Uri Url => new(_app.Urls.First());

    public static async Task<FakeHandler> StartAsync(Func<JsonElement, IResult> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var invocations = new ConcurrentQueue<(string, JsonElement)>();
        app.MapPost("/{function}", async (string function, HttpRequest request) =>
        {
            using var payload = await JsonDocument.ParseAsync(request.Body);
            var root = payload.RootElement.Clone();
            invocations.Enqueue((function, root));
            return respond(root);
        });
        await app.StartAsync();
        return new FakeHandler(app, invocations);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
