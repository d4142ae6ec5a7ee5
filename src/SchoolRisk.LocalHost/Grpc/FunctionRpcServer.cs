using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SchoolRisk.LocalHost.Grpc;

/// <summary>
/// The gRPC server the workers connect back to: Kestrel on 127.0.0.1, a free port, HTTP/2 only (the worker speaks
/// h2c, HTTP/2 without TLS), serving <see cref="FunctionRpcService"/>. Messages of up to
/// <see cref="MaxMessageLength"/> bytes pass either way (the worker is told the same length), so an HTTP request body
/// of 100 MB fits in one <c>InvocationRequest</c>; no request-body size or data-rate limit applies to the long-lived stream.
/// </summary>
internal sealed class FunctionRpcServer : IAsyncDisposable
{
    /// <summary>The largest message either way, in bytes.</summary>
    public const int MaxMessageLength = int.MaxValue;

    private readonly WebApplication _app;

    private FunctionRpcServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Where the workers connect, such as <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri Address { get; }

    public static async Task<FunctionRpcServer> StartAsync(WorkerStreams streams, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.MinRequestBodyDataRate = null;
            kestrel.Limits.MinResponseDataRate = null;
        });
        builder.Services.AddSingleton(streams);
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = MaxMessageLength;
            grpc.MaxSendMessageSize = MaxMessageLength;
            grpc.EnableDetailedErrors = true;
        });
        var app = builder.Build();
        app.MapGrpcService<FunctionRpcService>();
        await app.StartAsync(cancellationToken);
        var address = new Uri(app.Urls.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        return new FunctionRpcServer(app, new Uri($"http://127.0.0.1:{address.Port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
