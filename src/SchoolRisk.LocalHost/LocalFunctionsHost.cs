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
/// the <c>function.json</c> files under <see cref="LocalHostOptions.ScriptRoot"/>.
/// </summary>
public sealed class LocalFunctionsHost(LocalHostOptions options, TimeProvider time, ILoggerFactory loggers) : BackgroundService
{
    /// <summary>The only connection setting bindings may name: the host's own storage account.</summary>
    public const string StorageConnection = "AzureWebJobsStorage";

    private readonly ILogger _logger = loggers.CreateLogger<LocalFunctionsHost>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
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
        var blobs = new BlobServiceClient(options.StorageConnectionString);
        var tables = new TableServiceClient(options.StorageConnectionString);
        using var http = new HttpClient { BaseAddress = options.HandlerUrl, Timeout = TimeSpan.FromMinutes(10) };
        var invoker = new HandlerInvoker(http);
        var outputs = new OutputBindingWriter(queues, manifest.Queues);

        foreach (var output in manifest.Functions.SelectMany(function => function.QueueOutputs))
        {
            await queues.GetQueueClient(output.QueueName).CreateIfNotExistsAsync(cancellationToken: stoppingToken);
        }

        var runs = new List<Task>
        {
            new BlobEventPublisher(blobs, queues, tables, [.. options.Subscriptions], options.BlobPollingInterval, time,
                loggers.CreateLogger<BlobEventPublisher>()).RunAsync(stoppingToken),
        };
        foreach (var function in manifest.Functions)
        {
            if (function.QueueTrigger is null)
            {
                _logger.LogWarning("Function {Function}: its trigger is not a queue trigger; the local host does not run it yet", function.Name);
                continue;
            }

            runs.Add(new QueueTriggerListener(function, manifest.Queues, queues, invoker, outputs, time,
                loggers.CreateLogger($"Function.{function.Name}")).RunAsync(stoppingToken));
        }

        _logger.LogInformation(
            "Local host running {Count} functions from {ScriptRoot} against handler {HandlerUrl}",
            manifest.Functions.Count, manifest.ScriptRoot, options.HandlerUrl);
        await Task.WhenAll(runs);
    }
}
