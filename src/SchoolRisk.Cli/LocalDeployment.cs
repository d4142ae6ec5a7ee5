using Azure.Messaging.ServiceBus.Administration;
using Microsoft.Extensions.Logging;
using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Domain.Notices.Recipients;
using SchoolRisk.LocalHost;
using SchoolRisk.LocalHost.Azurite;
using SchoolRisk.LocalHost.Keys;
using SchoolRisk.LocalHost.MailDev;
using SchoolRisk.LocalHost.ServiceBus;
using SchoolRisk.LocalHost.Worker;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Rules;
using SchoolRisk.Storage.ServiceBus;
using SchoolRisk.Storage.Uploads;

namespace SchoolRisk.Cli;

/// <summary>
/// The whole workflow on one machine: Azurite, MailDev (the SMTP server letters go to, with a web inbox), the local
/// Service Bus broker notices are published to (its topic and the committee's subscription provisioned as
/// <c>infra/main.bicep</c> provisions them), and the local host that plays Event Grid and the Functions host and, like
/// the Functions host, starts the function app's worker as a child process from the function app's build output
/// (<see cref="FunctionAppPath"/>). Disposing it stops all of them.
/// </summary>
public sealed class LocalDeployment : IAsyncDisposable
{
    private readonly ServiceBusBrokerOptions _serviceBusOptions;
    private readonly string? _serviceBusTemporaryData;
    private readonly AzuriteServer? _azurite;
    private readonly LocalFunctionsHost _host;
    private readonly LocalHostOptions _options;
    private readonly ILoggerFactory _loggers;
    private readonly List<LocalFunctionsHost> _instances = [];

    private LocalDeployment(
        AzuriteServer? azurite, MailDevServer mail, (ServiceBusBroker Broker, ServiceBusBrokerOptions Options, string? TemporaryData) serviceBus,
        LocalFunctionsHost host, LocalHostOptions options, StorageAccount storage, ILoggerFactory loggers)
    {
        _azurite = azurite;
        (ServiceBus, _serviceBusOptions, _serviceBusTemporaryData) = serviceBus;
        Mail = mail;
        _host = host;
        _options = options;
        _loggers = loggers;
        Storage = storage;
    }

    public StorageAccount Storage { get; }

    /// <summary>The storage account's connection string (the app's <c>AzureWebJobsStorage</c>).</summary>
    public string ConnectionString => Storage.Options.ConnectionString;

    /// <summary>The storage emulator, to stop and start again in fault tests.</summary>
    /// <exception cref="InvalidOperationException">The deployment was given a storage account instead of starting Azurite.</exception>
    public AzuriteServer Azurite => _azurite ?? throw new InvalidOperationException("This deployment was given a storage account: it started no Azurite of its own.");

    /// <summary>The development mail server every letter goes to.</summary>
    public MailDevServer Mail { get; }

    /// <summary>The local Service Bus broker notices are published to; <c>null</c> while stopped (<see cref="StopServiceBusAsync"/>).</summary>
    public ServiceBusBroker? ServiceBus { get; private set; }

    /// <summary>The broker's connection string (the app's <c>ServiceBus</c> setting): the same across a stop and a start.</summary>
    public string ServiceBusConnectionString { get; private set; } = string.Empty;

    /// <summary>Where the HTTP functions are served: <c>{HttpUrl}api/...</c>.</summary>
    public Uri HttpUrl => _host.HttpUrl;

    /// <summary>The function keys the HTTP functions check.</summary>
    public FunctionKeyStore Keys => _host.Keys;

    /// <summary>The worker process, to kill in fault tests.</summary>
    public WorkerSupervisor Worker => _host.Worker;

    /// <summary>
    /// The build output of <c>src/SchoolRisk.Functions</c> in this program's configuration: the app the local host runs,
    /// as Azure runs its package (the app, <c>host.json</c>, <c>functions.metadata</c>, the default rules, the page).
    /// </summary>
    public static string FunctionAppPath { get; } = typeof(LocalDeployment).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "FunctionAppPath").Value!;

    /// <param name="repositoryRoot">Holds <c>node_modules</c> (Azurite, MailDev).</param>
    /// <param name="azuriteLocation">Azurite's data folder; <c>null</c> keeps data in memory.</param>
    /// <param name="appLogLevel">Least level the function app logs.</param>
    /// <param name="loggers">Loggers of the local host and of the function app's output.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <param name="appSettings">
    /// Further app settings of the function app, such as <c>Uploads__MaxFileBytes</c>; they win over the deployment's own
    /// (<c>Notifications__SmtpPort</c> of MailDev, a digest delay of 2 s).
    /// </param>
    /// <param name="storageAccount">
    /// The connection string of an empty storage account to use instead of starting Azurite (the tests give each deployment
    /// an account of one Azurite they share); <paramref name="azuriteLocation"/> is then not used.
    /// </param>
    public static async Task<LocalDeployment> StartAsync(
        string repositoryRoot, string? azuriteLocation, LogLevel appLogLevel, ILoggerFactory loggers, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? appSettings = null, string? storageAccount = null)
    {
        var azurite = storageAccount is null
            ? await AzuriteServer.StartAsync(new AzuriteOptions { RepositoryRoot = repositoryRoot, Location = azuriteLocation }, cancellationToken)
            : null;
        var connectionString = storageAccount ?? azurite!.ConnectionString;
        MailDevServer? mail = null;
        ServiceBusBroker? broker = null;
        var temporaryData = azuriteLocation is null ? Directory.CreateTempSubdirectory("schoolrisk-servicebus-").FullName : null;
        try
        {
            mail = await MailDevServer.StartAsync(repositoryRoot, cancellationToken: cancellationToken);
            var serviceBusOptions = new ServiceBusBrokerOptions { DataDirectory = temporaryData ?? Path.Combine(azuriteLocation!, "servicebus"), LoggerFactory = loggers };
            broker = await ServiceBusBroker.StartAsync(serviceBusOptions, cancellationToken);
            serviceBusOptions.Port = broker.Port;
            await ProvisionNoticeTopicAsync(broker.ConnectionString, cancellationToken);
            var options = new LocalHostOptions
            {
                ScriptRoot = FunctionAppPath,
                StorageConnectionString = connectionString,
            };
            options.AppSettings["Logging__LogLevel__Default"] = appLogLevel.ToString();
            options.AppSettings["Notifications__SmtpHost"] = "127.0.0.1";
            options.AppSettings["Notifications__SmtpPort"] = $"{mail.SmtpPort}";
            options.AppSettings["Notifications__DigestDelay"] = "00:00:02";
            options.AppSettings[ServiceBusRegistration.ConnectionName] = broker.ConnectionString;
            foreach (var (name, value) in appSettings ?? new Dictionary<string, string>())
            {
                options.AppSettings[name] = value;
            }

            // As infra/main.bicep provisions the account before the app is deployed: its containers and tables exist when the
            // app and the tests first touch them (the app also creates what is missing, at its own start).
            var storage = new StorageAccount(new StorageOptions { ConnectionString = connectionString });
            await storage.EnsureCreatedAsync(cancellationToken);
            var host = new LocalFunctionsHost(options, TimeProvider.System, loggers);
            await host.StartAsync(cancellationToken);
            await UploadCors.AllowAsync(storage, host.HttpUrl, cancellationToken);
            var deployment = new LocalDeployment(azurite, mail, (broker, serviceBusOptions, temporaryData), host, options, storage, loggers)
            {
                ServiceBusConnectionString = broker.ConnectionString,
            };
            await deployment.WaitForRulesAsync(cancellationToken);
            return deployment;
        }
        catch
        {
            if (broker is not null)
            {
                await broker.DisposeAsync();
            }

            if (mail is not null)
            {
                await mail.DisposeAsync();
            }

            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            DeleteTemporary(temporaryData);
            throw;
        }
    }

    /// <summary>Stops the Service Bus broker, as an outage would; what it had accepted is kept for <see cref="StartServiceBusAsync"/>.</summary>
    public async Task StopServiceBusAsync()
    {
        if (ServiceBus is { } broker)
        {
            ServiceBus = null;
            await broker.DisposeAsync();
        }
    }

    /// <summary>Starts the Service Bus broker again on the same port, key and data: the app's connection string still holds.</summary>
    public async Task StartServiceBusAsync(CancellationToken cancellationToken = default) =>
        ServiceBus ??= await ServiceBusBroker.StartAsync(_serviceBusOptions, cancellationToken);

    /// <summary>
    /// What <c>infra/main.bicep</c> creates before the app runs: the topic of notices with duplicate detection (one day's
    /// window, messages living 14 days) and the committee's subscription; the app creates the municipalities' own.
    /// </summary>
    private static async Task ProvisionNoticeTopicAsync(string connectionString, CancellationToken cancellationToken)
    {
        var administration = new ServiceBusAdministrationClient(connectionString);
        var topic = new NoticeTopicOptions();
        if (!await administration.TopicExistsAsync(topic.Topic, cancellationToken))
        {
            await administration.CreateTopicAsync(
                new CreateTopicOptions(topic.Topic)
                {
                    RequiresDuplicateDetection = true,
                    DuplicateDetectionHistoryTimeWindow = TimeSpan.FromDays(1),
                    DefaultMessageTimeToLive = TimeSpan.FromDays(14),
                },
                cancellationToken);
        }

        var committee = NoticeSubscription.NameOf(RecipientDirectory.Committee);
        if (!await administration.SubscriptionExistsAsync(topic.Topic, committee, cancellationToken))
        {
            await administration.CreateSubscriptionAsync(
                new CreateSubscriptionOptions(topic.Topic, committee) { LockDuration = topic.LockDuration, MaxDeliveryCount = topic.MaxDeliveryCount, DeadLetteringOnMessageExpiration = true },
                new CreateRuleOptions(NoticeSubscription.RecipientProperty, new CorrelationRuleFilter { ApplicationProperties = { [NoticeSubscription.RecipientProperty] = RecipientDirectory.Committee } }),
                cancellationToken);
        }
    }

    private static void DeleteTemporary(string? folder)
    {
        if (folder is not null && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>How long the app may take to seed its rules at its first start (worker start, storage, validation of the default rules).</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Waits until the app has an active rule set (it seeds its default rules at its first start, off its build path),
    /// so that the deployment is ready when <see cref="StartAsync"/> returns.
    /// </summary>
    /// <exception cref="TimeoutException">No rule set became active within <see cref="StartTimeout"/>: the worker's log says why.</exception>
    private async Task WaitForRulesAsync(CancellationToken cancellationToken)
    {
        var rules = new RuleStore(Storage, TimeProvider.System);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        try
        {
            while (await rules.ActiveAsync(timeout.Token) is null)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The function app activated no rule set within {StartTimeout.TotalSeconds} s of its start; its log says why.");
        }
    }

    /// <summary>
    /// Starts one more instance of the function app on the same storage, as Azure scales out: its own Functions host and
    /// worker, competing for the same queues. Event Grid is one service whatever the instances, so this one publishes
    /// no blob events. Stopped with the deployment.
    /// </summary>
    public async Task AddInstanceAsync(CancellationToken cancellationToken)
    {
        var options = new LocalHostOptions
        {
            ScriptRoot = _options.ScriptRoot,
            StorageConnectionString = _options.StorageConnectionString,
            HostId = _options.HostId,
        };
        foreach (var (name, value) in _options.AppSettings)
        {
            options.AppSettings[name] = value;
        }

        options.Subscriptions.Clear();
        var instance = new LocalFunctionsHost(options, TimeProvider.System, _loggers);
        await instance.StartAsync(cancellationToken);
        _instances.Add(instance);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.StopAsync(CancellationToken.None);
            instance.Dispose();
        }

        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        await StopServiceBusAsync();
        await Mail.DisposeAsync();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        DeleteTemporary(_serviceBusTemporaryData);
    }
}
