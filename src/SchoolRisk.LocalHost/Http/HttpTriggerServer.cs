using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SchoolRisk.LocalHost.Keys;
using SchoolRisk.LocalHost.Manifest;
using SchoolRisk.LocalHost.Triggers;

namespace SchoolRisk.LocalHost.Http;

/// <summary>
/// The HTTP triggers, served as the Functions host serves them: each function's route under the route prefix
/// (<c>/api/{route}</c>), its methods, its <c>authLevel</c> checked against the keys (header <c>x-functions-key</c> or
/// query <c>code</c>; a missing or wrong key is 401). The request goes to the handler as <c>Data.{trigger}</c> with
/// <c>Url</c>, <c>Method</c>, <c>Query</c>, <c>Headers</c>, <c>Params</c>, <c>Identities</c> (the key's claims) and
/// <c>Body</c>; the <c>http</c> output's <c>statusCode</c>, <c>headers</c> and <c>body</c> become the response, and
/// queue outputs are written as for any trigger. A failed invocation is a 500.
/// </summary>
internal sealed class HttpTriggerServer(
    FunctionAppManifest manifest, FunctionKeyStore keys, HandlerInvoker invoker, OutputBindingWriter outputs, TimeProvider time, ILoggerFactory loggers)
    : IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger<HttpTriggerServer>();
    private WebApplication? _app;

    /// <summary>The address requests go to, such as <c>http://127.0.0.1:7071</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1");

    /// <summary>The largest request body the Functions host takes: 100 MB (Azure Functions service limits, "HTTP request length").</summary>
    public const long MaxRequestBodyBytes = 100 * 1024 * 1024;

    public async Task StartAsync(int port, CancellationToken cancellationToken)
    {
        var functions = manifest.Functions.Where(function => function.HttpTrigger is not null).ToList();
        await keys.InitializeAsync(functions.Select(function => function.Name), cancellationToken);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");

        // As the Functions host: a request body of up to 100 MB (Kestrel's own default is 30 MB), larger is 413.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        var app = builder.Build();
        foreach (var function in functions)
        {
            var trigger = function.HttpTrigger!;
            var pattern = $"/{manifest.HttpRoutePrefix.Trim('/')}/{(trigger.Route ?? function.Name).TrimStart('/')}".Replace("//", "/", StringComparison.Ordinal);
            var endpoint = trigger.Methods.Count == 0
                ? app.Map(pattern, (HttpContext context) => InvokeAsync(function, context))
                : app.MapMethods(pattern, trigger.Methods, (HttpContext context) => InvokeAsync(function, context));
            _logger.LogInformation("Function {Function}: HTTP {Methods} {Pattern} ({AuthLevel})", function.Name,
                trigger.Methods.Count == 0 ? "any" : string.Join(',', trigger.Methods), pattern, trigger.AuthLevel ?? "function");
        }

        await app.StartAsync(cancellationToken);
        BaseAddress = new Uri(app.Urls.First());
        _app = app;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task InvokeAsync(FunctionDefinition function, HttpContext context)
    {
        var trigger = function.HttpTrigger!;
        var level = (trigger.AuthLevel ?? "function").ToLowerInvariant();
        KeyGrant? grant = null;
        if (level != "anonymous")
        {
            var presented = context.Request.Headers["x-functions-key"].FirstOrDefault() ?? context.Request.Query["code"].FirstOrDefault();
            grant = await keys.CheckAsync(function.Name, presented, level == "admin", context.RequestAborted);
            if (grant is null)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var routeValues = new JsonObject();
        foreach (var (name, value) in context.Request.RouteValues)
        {
            routeValues[name] = Convert.ToString(value, CultureInfo.InvariantCulture);
        }

        var request = new JsonObject
        {
            ["Url"] = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}{context.Request.QueryString}",
            ["Method"] = context.Request.Method,
            ["Query"] = new JsonObject(context.Request.Query.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value.ToString()))),
            ["Headers"] = new JsonObject(context.Request.Headers.Select(pair =>
                KeyValuePair.Create(pair.Key, (JsonNode?)new JsonArray([.. pair.Value.Select(value => (JsonNode?)value)])))),
            ["Params"] = routeValues,
            ["Identities"] = grant is null ? new JsonArray() : new JsonArray(Identity(grant)),
            ["Body"] = body,
        };
        var metadata = routeValues.DeepClone().AsObject();
        metadata["sys"] = new JsonObject
        {
            ["MethodName"] = function.Name,
            ["UtcNow"] = time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["RandGuid"] = Guid.NewGuid().ToString(),
        };

        var result = await invoker.InvokeAsync(function.Name, new JsonObject { ["Data"] = new JsonObject { [trigger.Name] = request }, ["Metadata"] = metadata }, context.RequestAborted);
        if (!result.Succeeded)
        {
            _logger.LogWarning("Function {Function} failed ({Status}): {Logs}", function.Name, result.Status, string.Join(" | ", result.Logs));
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        await outputs.WriteAsync(function, result, context.RequestAborted);
        await WriteResponseAsync(context, function.HttpOutput is { } output ? result.Output(output.Name) : null);
    }

    private static JsonObject Identity(KeyGrant grant) => new()
    {
        ["AuthenticationType"] = KeyGrant.AuthenticationType,
        ["IsAuthenticated"] = true,
        ["Claims"] = new JsonArray(
            new JsonObject { ["Type"] = KeyGrant.AuthLevelClaim, ["Value"] = grant.Level },
            new JsonObject { ["Type"] = KeyGrant.KeyIdClaim, ["Value"] = grant.KeyName }),
    };

    /// <summary>The <c>http</c> output: <c>statusCode</c> (number or text; default 200), <c>headers</c>, <c>body</c> (text, or JSON written as such); none is 204.</summary>
    private static async Task WriteResponseAsync(HttpContext context, JsonElement? output)
    {
        if (output is not { ValueKind: JsonValueKind.Object } response)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        var properties = response.EnumerateObject().ToDictionary(property => property.Name, property => property.Value, StringComparer.OrdinalIgnoreCase);
        context.Response.StatusCode = properties.TryGetValue("statusCode", out var status)
            ? status.ValueKind == JsonValueKind.Number ? status.GetInt32() : int.Parse(status.GetString()!, CultureInfo.InvariantCulture)
            : StatusCodes.Status200OK;
        if (properties.TryGetValue("headers", out var headers) && headers.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in headers.EnumerateObject())
            {
                context.Response.Headers[header.Name] = header.Value.ValueKind == JsonValueKind.String ? header.Value.GetString() : header.Value.GetRawText();
            }
        }

        if (properties.TryGetValue("body", out var body) && body.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            if (body.ValueKind != JsonValueKind.String && string.IsNullOrEmpty(context.Response.ContentType))
            {
                context.Response.ContentType = "application/json; charset=utf-8";
            }

            await context.Response.WriteAsync(body.ValueKind == JsonValueKind.String ? body.GetString()! : body.GetRawText(), context.RequestAborted);
        }
    }
}
