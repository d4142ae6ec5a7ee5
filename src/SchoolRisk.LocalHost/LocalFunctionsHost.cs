using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SchoolRisk.LocalHost.EventGrid;
using SchoolRisk.LocalHost.Manifest;
using SchoolRisk.LocalHost.Triggers;

namespace SchoolRisk.LocalHost;

/// <summary>
/// Plays Event Grid and the Functions host against a storage account (Azurite), driven only by <c>host.json</c> and
/// the <c>function.json</c> files under <see cref="LocalHostOptions.ScriptRoot"/>. When <see cref="StartAsync"/>
/// returns, every queue it uses exists and it is listening.
/// </summary>
public sealed class LocalFunctionsHost(LocalHostOptions options, TimeProvider time, ILoggerFactory loggers) : BackgroundService
{
    /// <summary>The only connection setting bindings may name: the host's own storage account.</summary>
    public const string StorageConnection = "AzureWebJobsStorage";

    private readonly ILogger _logger = loggers.CreateLogger<LocalFunctionsHost>();
    private readonly HttpClient _http = new() { BaseAddress = options.HandlerUrl, Timeout = TimeSpan.FromMinutes(10) };
    private BlobEventPublisher? _publisher;
    private List<QueueTriggerListener> _listeners = [];

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

        foreach (var function in manifest.Functions.Where(function => function.QueueTrigger is null))
        {
            _logger.LogWarning("Function {Function}: its trigger is not a queue trigger; the local host does not run it yet", function.Name);
        }

        _listeners = [.. manifest.Functions.Where(function => function.QueueTrigger is not null).Select(function =>
            new QueueTriggerListener(function, manifest.Queues, queues, invoker, outputs, time, loggers.CreateLogger($"Function.{function.Name}")))];
        foreach (var listener in _listeners)
        {
            await listener.InitializeAsync(cancellationToken);
        }

        _logger.LogInformation(
            "Local host running {Count} functions from {ScriptRoot} against handler {HandlerUrl}",
            manifest.Functions.Count, manifest.ScriptRoot, options.HandlerUrl);
        await base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_listeners.Select(listener => listener.RunAsync(stoppingToken)).Append(_publisher!.RunAsync(stoppingToken)));
}
