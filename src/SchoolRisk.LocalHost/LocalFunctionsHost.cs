using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SchoolRisk.LocalHost.Bindings;
using SchoolRisk.LocalHost.Configuration;
using SchoolRisk.LocalHost.EventGrid;
using SchoolRisk.LocalHost.Http;
using SchoolRisk.LocalHost.Keys;
using SchoolRisk.LocalHost.Metadata;
using SchoolRisk.LocalHost.Triggers;
using SchoolRisk.LocalHost.Worker;

namespace SchoolRisk.LocalHost;

/// <summary>
/// Plays Event Grid and the Functions host against a storage account (Azurite) for an isolated-worker function app,
/// given its output folder (<see cref="LocalHostOptions.ScriptRoot"/>): it starts the worker as the host does and
/// speaks the host's side of the gRPC protocol with it (<see cref="WorkerSupervisor"/>), and runs what the functions
/// the worker declares bind to: queue triggers, HTTP triggers (with function keys), queue and blob outputs, blob
/// inputs. When <see cref="StartAsync"/> returns, the worker has loaded every function, every queue the host listens
/// to exists, and it is listening.
/// </summary>
public sealed class LocalFunctionsHost(LocalHostOptions options, TimeProvider time, ILoggerFactory loggers) : BackgroundService
{
    /// <summary>The connection setting of the host's own storage account, which bindings naming no connection use.</summary>
    public const string StorageConnection = AppSettings.DefaultConnection;

    private readonly ILogger _logger = loggers.CreateLogger<LocalFunctionsHost>();
    private BlobEventPublisher? _publisher;
    private List<QueueTriggerListener> _listeners = [];
    private HttpTriggerServer? _httpServer;
    private WorkerSupervisor? _worker;

    /// <summary>The worker: its process id, its restarts, and <see cref="WorkerSupervisor.Kill"/> for fault tests.</summary>
    public WorkerSupervisor Worker => _worker ?? throw new InvalidOperationException("The local host is not started.");

    /// <summary>Where the HTTP triggers are served: <c>{HttpUrl}api/{route}</c>.</summary>
    public Uri HttpUrl => _httpServer?.BaseAddress ?? throw new InvalidOperationException("The local host is not started.");

    /// <summary>The function keys the HTTP triggers check.</summary>
    public FunctionKeyStore Keys { get; } = new(new BlobServiceClient(options.StorageConnectionString), options.HostId);

    /// <exception cref="InvalidOperationException">
    /// The script root is not an isolated-worker app's output, the worker did not start, or a binding names a setting
    /// or connection that does not exist.
    /// </exception>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var appFolder = Path.GetFullPath(options.ScriptRoot);
        var settings = new Dictionary<string, string>(options.AppSettings) { [StorageConnection] = options.StorageConnectionString };
        var appSettings = new AppSettings(settings);
        var hostJson = HostJson.Load(appFolder, settings);
        _worker = new WorkerSupervisor(appFolder, WorkerConfig.Load(appFolder), WorkerEnvironment(appFolder, settings), hostJson.FunctionTimeout, time, loggers);
        try
        {
            await _worker.StartAsync(cancellationToken);
            var functions = _worker.LoadedFunctions.Select(function => Resolve(function, appSettings)).ToList();
            var storage = new StorageClients(appSettings);
            var executor = new FunctionExecutor(_worker, new OutputBindingWriter(storage, hostJson.Queues, time), time);

            var queues = new QueueServiceClient(options.StorageConnectionString);
            _publisher = new BlobEventPublisher(
                new BlobServiceClient(options.StorageConnectionString), queues, new TableServiceClient(options.StorageConnectionString),
                [.. options.Subscriptions], options.BlobPollingInterval, options.MaxBlobPollingInterval, time, loggers.CreateLogger<BlobEventPublisher>());
            await _publisher.InitializeAsync(cancellationToken);

            foreach (var output in functions.SelectMany(function => function.Bindings).Where(binding => binding.IsOut && binding.Is("queue") && !binding.QueueName!.Contains('{', StringComparison.Ordinal)))
            {
                await storage.QueueAsync(output.Connection, output.QueueName!, cancellationToken);
            }

            foreach (var function in functions.Where(function => function.QueueTrigger is null && function.HttpTrigger is null))
            {
                _logger.LogWarning("Function {Function}: its trigger ({Trigger}) is neither a queue nor an HTTP trigger; the local host does not run it", function.Name, function.Trigger?.Type);
            }

            _httpServer = new HttpTriggerServer(functions, hostJson.HttpRoutePrefix, Keys, _worker, executor, loggers);
            await _httpServer.StartAsync(options.HttpPort, cancellationToken);

            _listeners = [.. functions.Where(function => function.QueueTrigger is not null).Select(function =>
                new QueueTriggerListener(
                    function, function.QueueTrigger!.QueueName!, hostJson.Queues, storage.Queues(function.QueueTrigger.Connection), _worker, executor, options.QueueMessageLease, time,
                    loggers.CreateLogger($"Function.{function.Name}")))];
            foreach (var listener in _listeners)
            {
                await listener.InitializeAsync(cancellationToken);
            }
        }
        catch
        {
            await DisposeWorkerAsync();
            throw;
        }

        _logger.LogInformation(
            "Local host running {Count} functions from {ScriptRoot}; HTTP triggers on {HttpUrl}", _worker.Functions.Count, appFolder, _httpServer.BaseAddress);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_httpServer is not null)
        {
            await _httpServer.DisposeAsync();
        }

        await DisposeWorkerAsync();
    }

    /// <summary>Kills the worker if the host is disposed without being stopped; it never outlives the host.</summary>
    public override void Dispose()
    {
        _worker?.KillNow();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_listeners.Select(listener => listener.RunAsync(stoppingToken)).Append(_publisher!.RunAsync(stoppingToken)));

    /// <summary>
    /// The worker's environment, as <c>RpcWorkerProcess</c> builds it: the app settings (the storage connection among
    /// them), the runtime, and the app folder as worker directory, application directory and script root.
    /// </summary>
    private static Dictionary<string, string> WorkerEnvironment(string appFolder, Dictionary<string, string> settings) =>
        new(settings)
        {
            ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
            ["FUNCTIONS_WORKER_DIRECTORY"] = appFolder,
            ["FUNCTIONS_APPLICATION_DIRECTORY"] = appFolder,
            ["AzureWebJobsScriptRoot"] = appFolder,
        };

    /// <summary>
    /// The function with the <c>%Setting%</c> references of its queue names and blob paths resolved, as the host's name
    /// resolver does when it indexes; and each storage binding's connection checked to exist.
    /// </summary>
    private static FunctionDescriptor Resolve(FunctionDescriptor function, AppSettings settings)
    {
        try
        {
            var bindings = function.Bindings.Select(binding =>
            {
                if (binding.QueueName is not null || binding.BlobPath is not null)
                {
                    settings.ConnectionString(binding.Connection);
                }

                return binding with
                {
                    QueueName = binding.QueueName is null ? null : settings.Resolve(binding.QueueName),
                    BlobPath = binding.BlobPath is null ? null : settings.Resolve(binding.BlobPath),
                };
            }).ToList();
            return function with { Bindings = bindings };
        }
        catch (InvalidOperationException exception)
        {
            throw new InvalidOperationException($"Function {function.Name}: {exception.Message}", exception);
        }
    }

    private async Task DisposeWorkerAsync()
    {
        if (_worker is not null)
        {
            await _worker.DisposeAsync();
        }
    }
}
