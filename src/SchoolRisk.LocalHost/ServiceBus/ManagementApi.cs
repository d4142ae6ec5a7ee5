using System.Globalization;
using System.Net;
using System.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>
/// The management API (ATOM XML over HTTP) that <c>ServiceBusAdministrationClient</c> calls; with
/// <c>UseDevelopmentEmulator=true</c> it calls plain HTTP on the connection string's host and port
/// (<c>HttpRequestAndResponse</c>). Served by Kestrel on a loopback port of its own, which the broker's port passes
/// HTTP connections to. Every request carries the namespace's shared access signature in <c>Authorization</c>
/// (401 otherwise: <see cref="UnauthorizedAccessException"/> on the client). The routes: <c>PUT|GET /{topic}</c>,
/// <c>PUT|GET|DELETE /{topic}/Subscriptions/{name}</c> and <c>GET /{topic}/Subscriptions?$skip&amp;$top</c>. Creating an
/// existing entity is 409 (<c>MessagingEntityAlreadyExists</c>), a missing one 404 (<c>MessagingEntityNotFound</c>),
/// what the broker does not play 400 with a message naming the limit (an <see cref="ArgumentException"/>).
/// </summary>
internal sealed class ManagementApi(BrokerStore store, ServiceBusBrokerOptions options, ILogger<ManagementApi> logger) : IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The loopback port Kestrel listens on.</summary>
    public int Port { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Map("/{**path}", HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(address).Port;
        _app = app;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            using var quickly = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _app.StopAsync(quickly.Token);
            await _app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var verdict = SharedAccessSignatureCheck.Check(
            request.Headers.Authorization.ToString(), options.SharedAccessKeyName, options.SharedAccessKey, options.TimeProvider.GetUtcNow());
        if (!verdict.Valid)
        {
            logger.LogWarning("Service Bus management call {Method} {Path} refused: {Reason}", request.Method, request.Path, verdict.Reason);
            await ErrorAsync(context, HttpStatusCode.Unauthorized, verdict.Reason);
            return;
        }

        var segments = (request.Path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var id = new Uri($"http://{request.Host}{request.Path}");
        try
        {
            switch (segments)
            {
                case [var topic] when !topic.StartsWith('$'):
                    await TopicAsync(context, topic, id);
                    break;
                case [var topic, var kind] when IsSubscriptions(kind) && HttpMethods.IsGet(request.Method):
                    await ListAsync(context, topic, id);
                    break;
                case [var topic, var kind, var name] when IsSubscriptions(kind):
                    await SubscriptionAsync(context, topic, name, id);
                    break;
                default:
                    await ErrorAsync(context, HttpStatusCode.BadRequest,
                        $"The local Service Bus broker manages topics and their subscriptions only, not {request.Method} {request.Path}.");
                    break;
            }
        }
        catch (Exception exception) when (exception is NotSupportedException or FormatException or System.Xml.XmlException or OverflowException)
        {
            await ErrorAsync(context, HttpStatusCode.BadRequest, exception.Message);
        }
    }

    private async Task TopicAsync(HttpContext context, string name, Uri id)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method))
        {
            var topic = store.GetTopic(name);
            await (topic is null
                ? ErrorAsync(context, HttpStatusCode.NotFound, $"The topic {name} does not exist.")
                : XmlAsync(context, HttpStatusCode.OK, AtomXml.TopicEntry(topic, store.SubscriptionCount(name), id)));
        }
        else if (HttpMethods.IsPut(request.Method) && !(request.Headers.IfMatch.Count > 0))
        {
            var topic = AtomXml.ReadTopic(name, await BodyAsync(request), options.TimeProvider.GetUtcNow());
            await (store.CreateTopic(topic) == EntityChange.Created
                ? XmlAsync(context, HttpStatusCode.Created, AtomXml.TopicEntry(topic, 0, id))
                : ErrorAsync(context, HttpStatusCode.Conflict, $"The topic {name} already exists."));
        }
        else
        {
            await ErrorAsync(context, HttpStatusCode.BadRequest,
                $"The local Service Bus broker creates and reads topics; it does not {((request.Headers.IfMatch.Count > 0) ? "update" : request.Method)} them.");
        }
    }

    private async Task SubscriptionAsync(HttpContext context, string topic, string name, Uri id)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method))
        {
            var view = store.GetSubscription(topic, name);
            await (view is null
                ? ErrorAsync(context, HttpStatusCode.NotFound, $"The subscription {topic}/Subscriptions/{name} does not exist.")
                : XmlAsync(context, HttpStatusCode.OK, AtomXml.SubscriptionEntry(view, id)));
        }
        else if (HttpMethods.IsPut(request.Method) && !(request.Headers.IfMatch.Count > 0))
        {
            var subscription = AtomXml.ReadSubscription(topic, name, await BodyAsync(request), options.TimeProvider.GetUtcNow());
            var change = store.CreateSubscription(subscription);
            await (change switch
            {
                EntityChange.Created => XmlAsync(context, HttpStatusCode.Created, AtomXml.SubscriptionEntry(new SubscriptionView(subscription, 0, 0), id)),
                EntityChange.AlreadyExists => ErrorAsync(context, HttpStatusCode.Conflict, $"The subscription {topic}/Subscriptions/{name} already exists."),
                _ => ErrorAsync(context, HttpStatusCode.NotFound, $"The topic {topic} does not exist."),
            });
        }
        else if (HttpMethods.IsDelete(request.Method))
        {
            await (store.DeleteSubscription(topic, name) == EntityChange.Deleted
                ? XmlAsync(context, HttpStatusCode.OK, string.Empty)
                : ErrorAsync(context, HttpStatusCode.NotFound, $"The subscription {topic}/Subscriptions/{name} does not exist."));
        }
        else
        {
            await ErrorAsync(context, HttpStatusCode.BadRequest, "The local Service Bus broker creates, reads and deletes subscriptions; it does not update them.");
        }
    }

    private async Task ListAsync(HttpContext context, string topic, Uri id)
    {
        var views = store.ListSubscriptions(topic);
        if (views is null)
        {
            await ErrorAsync(context, HttpStatusCode.NotFound, $"The topic {topic} does not exist.");
            return;
        }

        var skip = int.TryParse(context.Request.Query["$skip"], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        var top = int.TryParse(context.Request.Query["$top"], NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : 100;
        var page = views.Skip(skip).Take(top);
        await XmlAsync(context, HttpStatusCode.OK, AtomXml.SubscriptionFeed(page, new Uri(id.AbsoluteUri.TrimEnd('/') + "/"), options.TimeProvider.GetUtcNow()));
    }

    private static bool IsSubscriptions(string segment) => segment.Equals("Subscriptions", StringComparison.OrdinalIgnoreCase);

    private static async Task<string> BodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
    }

    private static async Task XmlAsync(HttpContext context, HttpStatusCode status, string xml)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/atom+xml;type=entry;charset=utf-8";
        await context.Response.WriteAsync(xml, context.RequestAborted);
    }

    /// <summary>An error as Service Bus writes it: <c>&lt;Error&gt;&lt;Code&gt;…&lt;/Code&gt;&lt;Detail&gt;…&lt;/Detail&gt;&lt;/Error&gt;</c>.</summary>
    private static async Task ErrorAsync(HttpContext context, HttpStatusCode status, string detail)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/xml;charset=utf-8";
        await context.Response.WriteAsync(
            $"<Error><Code>{(int)status}</Code><Detail>{SecurityElement.Escape(detail)}</Detail></Error>", context.RequestAborted);
    }
}
