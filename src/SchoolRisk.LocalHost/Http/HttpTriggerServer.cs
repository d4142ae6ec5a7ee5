using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;
using Microsoft.Extensions.Logging;
using SchoolRisk.LocalHost.Keys;
using SchoolRisk.LocalHost.Metadata;
using SchoolRisk.LocalHost.Triggers;
using SchoolRisk.LocalHost.Worker;

namespace SchoolRisk.LocalHost.Http;

/// <summary>
/// The HTTP triggers, served as the Functions host serves them: each function's route under the route prefix
/// (<c>/api/{route}</c>; the function's name when it has no route), its methods, its <c>authLevel</c> checked against
/// the keys (header <c>x-functions-key</c>, else query <c>code</c>): <c>function</c> takes one of the function's keys,
/// a host key or the master key, <c>admin</c> only the master key, and a missing or wrong key is 401; <c>anonymous</c>
/// takes any request, and a valid key still names the caller. The request goes to the worker as an
/// <see cref="RpcHttpRequest"/>, its <c>http</c> output is the response (<see cref="RpcHttpResponse"/>), and its
/// queue and blob outputs are written. A request that comes while the worker is being started again waits for it up to
/// <see cref="WorkerReadyTimeout"/>, then is a 503. A failed invocation is a 500; a body over 100 MB is a 413.
/// </summary>
internal sealed class HttpTriggerServer(
    IReadOnlyList<FunctionDescriptor> functions, string routePrefix, FunctionKeyStore keys, WorkerSupervisor worker, FunctionExecutor executor, ILoggerFactory loggers)
    : IAsyncDisposable
{
    /// <summary>The largest request body the Functions host takes: 100 MB (Azure Functions service limits, "HTTP request length").</summary>
    public const long MaxRequestBodyBytes = 100 * 1024 * 1024;

    /// <summary>
    /// How long a request waits for a worker that is being started again: 30 s, as the Functions host's
    /// <c>HostAvailabilityCheckMiddleware</c> waits for its host (<c>ScriptConstants.HostTimeoutSeconds</c>) before
    /// answering 503 "Function host is not running.".
    /// </summary>
    public static readonly TimeSpan WorkerReadyTimeout = TimeSpan.FromSeconds(30);

    private readonly ILogger _logger = loggers.CreateLogger<HttpTriggerServer>();
    private WebApplication? _app;

    /// <summary>The address requests go to, such as <c>http://127.0.0.1:7071</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1");

    public async Task StartAsync(int port, CancellationToken cancellationToken)
    {
        var httpFunctions = functions.Where(function => function.HttpTrigger is not null).ToList();
        await keys.InitializeAsync(httpFunctions.Select(function => function.Name), cancellationToken);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");

        // As the Functions host: a request body of up to 100 MB (Kestrel's own default is 30 MB), larger is 413.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        var app = builder.Build();
        foreach (var function in httpFunctions)
        {
            var trigger = function.HttpTrigger!;
            var pattern = $"/{routePrefix.Trim('/')}/{(trigger.Route ?? function.Name).TrimStart('/')}".Replace("//", "/", StringComparison.Ordinal);
            var endpoint = trigger.Methods.Count == 0
                ? app.Map(pattern, (HttpContext context) => InvokeAsync(function, context))
                : app.MapMethods(pattern, trigger.Methods, (HttpContext context) => InvokeAsync(function, context));
            _logger.LogInformation("Function {Function}: HTTP {Methods} {Pattern} ({AuthLevel})", function.Name,
                trigger.Methods.Count == 0 ? "any" : string.Join(',', trigger.Methods), pattern, trigger.AuthLevel);
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

    /// <summary>Serves one request; a fault of the host itself (the key store unreachable, say) is logged and answered 500.</summary>
    private async Task InvokeAsync(FunctionDescriptor function, HttpContext context)
    {
        try
        {
            await ServeAsync(function, context);
        }
        catch (Exception exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            _logger.LogError(exception, "Function {Function}: the host could not serve {Method} {Path}", function.Name, context.Request.Method, context.Request.Path);
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
        }
    }

    private async Task ServeAsync(FunctionDescriptor function, HttpContext context)
    {
        try
        {
            await worker.WaitUntilReadyAsync(context.RequestAborted).WaitAsync(WorkerReadyTimeout, context.RequestAborted);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("Function {Function}: no worker came up within {Timeout} for {Method} {Path}: 503", function.Name, WorkerReadyTimeout, context.Request.Method, context.Request.Path);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsync("Function host is not running.", context.RequestAborted);
            return;
        }

        var level = function.HttpTrigger!.AuthLevel;
        var presented = context.Request.Headers["x-functions-key"].FirstOrDefault() ?? context.Request.Query["code"].FirstOrDefault();
        var grant = string.IsNullOrEmpty(presented) ? null : await keys.CheckAsync(function.Name, presented, level == "admin", context.RequestAborted);
        if (grant is null && level != "anonymous")
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException exception)
        {
            context.Response.StatusCode = exception.StatusCode;
            return;
        }

        var request = RpcHttpRequest.Create(context, body, grant, worker.Capabilities.ContainsKey("RpcHttpBodyOnly"));
        var result = await executor.ExecuteAsync(
            function, new TypedData { Http = request }, RpcHttpRequest.Metadata(context), RpcHttpRequest.BindingData(context), context.RequestAborted);
        if (context.RequestAborted.IsCancellationRequested)
        {
            // The caller is gone (the invocation was sent InvocationCancel): there is no one to answer.
            return;
        }

        if (!result.Succeeded)
        {
            _logger.LogWarning("Function {Function} failed ({Status}): {Reason}", function.Name, result.Status, result.Failure);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        await RpcHttpResponse.WriteAsync(context.Response, function.HttpOutput is { } output ? result.Output(output.Name) : null, context.RequestAborted);
    }
}
