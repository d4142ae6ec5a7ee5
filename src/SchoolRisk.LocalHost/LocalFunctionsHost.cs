using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SchoolRisk.LocalHost.EventGrid;
using SchoolRisk.LocalHost.Handler;
using SchoolRisk.LocalHost.Http;
using SchoolRisk.LocalHost.Keys;
using SchoolRisk.LocalHost.Manifest;
using SchoolRisk.LocalHost.Triggers;

namespace SchoolRisk.LocalHost;

/// <summary>
/// Plays Event Grid and the Functions host against a storage account (Azurite), driven only by <c>host.json</c> and
/// the <c>function.json</c> files under <see cref="LocalHostOptions.ScriptRoot"/>: queue triggers, HTTP triggers (with
/// function keys) and queue outputs. When <see cref="StartAsync"/> returns, every queue it uses exists and it is listening.
/// </summary>
public sealed class LocalFunctionsHost(LocalHostOptions options, TimeProvider time, ILoggerFactory loggers) : BackgroundService
{
    /// <summary>The only connection setting bindings may name: the host's own storage account.</summary>
    public const string StorageConnection = "AzureWebJobsStorage";

    private readonly ILogger _logger = loggers.CreateLogger<LocalFunctionsHost>();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(10) };
    private BlobEventPublisher? _publisher;
    private List<QueueTriggerListener> _listeners = [];
    private HttpTriggerServer? _httpServer;

    /// <summary>The handler process the host started, or <c>null</c> when it uses <see cref="LocalHostOptions.HandlerUrl"/>.</summary>
    public HandlerProcess? Handler { get; private set; }

    /// <summary>Where the HTTP triggers are served: <c>{HttpUrl}api/{route}</c>.</summary>
    public Uri HttpUrl => _httpServer?.BaseAddress ?? throw new InvalidOperationException("The local host is not started.");

    /// <summary>The function keys the HTTP triggers check.</summary>
    public FunctionKeyStore Keys { get; } = new(new BlobServiceClient(options.StorageConnectionString), options.HostId);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var manifest = FunctionAppManifest.Load(options.ScriptRoot);
        var unsupported = manifest.Functions
            .SelectMany(function => function.Bindings.Select(binding => (function, binding)))
            .FirstOrDefault(pair => pair.binding.Connection is { } connection && connection != StorageConnection);
        if (unsupported.binding is not null)
        {
            throw new InvalidOperationException(
                $"{unsupported.function.Name}/function.json: binding '{unsupported.binding.Name}' uses connection '{unsupported.binding.Connection}'; the local host knows only '{StorageConnection}'.");
        }

        Handler = options.HandlerUrl is null ? await StartHandlerAsync(manifest, cancellationToken) : null;
        _http.BaseAddress = options.HandlerUrl ?? Handler!.Url;
        var queues = new QueueServiceClient(options.StorageConnectionString);
        _publisher = new BlobEventPublisher(
            new BlobServiceClient(options.StorageConnectionString), queues, new TableServiceClient(options.StorageConnectionString),
            [.. options.Subscriptions], options.BlobPollingInterval, time, loggers.CreateLogger<BlobEventPublisher>());
        await _publisher.InitializeAsync(cancellationToken);

        var invoker = new HandlerInvoker(_http);
        var outputs = new OutputBindingWriter(queues, manifest.Queues);
        foreach (var output in manifest.Functions.SelectMany(function => function.QueueOutputs))
        {
            await queues.GetQueueClient(output.QueueName).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var function in manifest.Functions.Where(function => function.QueueTrigger is null && function.HttpTrigger is null))
        {
            _logger.LogWarning("Function {Function}: its trigger is neither a queue nor an HTTP trigger; the local host does not run it", function.Name);
        }

        _httpServer = new HttpTriggerServer(manifest, Keys, invoker, outputs, time, loggers);
        await _httpServer.StartAsync(options.HttpPort, cancellationToken);

        _listeners = [.. manifest.Functions.Where(function => function.QueueTrigger is not null).Select(function =>
            new QueueTriggerListener(function, manifest.Queues, queues, invoker, outputs, time, loggers.CreateLogger($"Function.{function.Name}")))];
        foreach (var listener in _listeners)
        {
            await listener.InitializeAsync(cancellationToken);
        }

        _logger.LogInformation(
            "Local host running {Count} functions from {ScriptRoot} against handler {HandlerUrl}; HTTP triggers on {HttpUrl}",
            manifest.Functions.Count, manifest.ScriptRoot, _http.BaseAddress, _httpServer.BaseAddress);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_httpServer is not null)
        {
            await _httpServer.DisposeAsync();
        }

        if (Handler is not null)
        {
            await Handler.DisposeAsync();
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    private Task<HandlerProcess> StartHandlerAsync(FunctionAppManifest manifest, CancellationToken cancellationToken)
    {
        var description = manifest.Handler;
        var executable = options.HandlerExecutable
            ?? (description is null
                ? throw new InvalidOperationException("host.json has no customHandler.description.defaultExecutablePath, and no handler was given.")
                : Path.Combine(manifest.ScriptRoot, description.DefaultExecutablePath));
        var settings = new Dictionary<string, string>(options.AppSettings) { [StorageConnection] = options.StorageConnectionString };
        return HandlerProcess.StartAsync(
            executable,
            description?.Arguments ?? [],
            Path.Combine(manifest.ScriptRoot, description?.WorkingDirectory ?? string.Empty),
            settings,
            loggers.CreateLogger<HandlerProcess>(),
            cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_listeners.Select(listener => listener.RunAsync(stoppingToken)).Append(_publisher!.RunAsync(stoppingToken)));
}
