using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace SchoolRisk.Storage;

/// <summary>The service clients of one storage account, created once and shared (they are thread-safe).</summary>
public sealed class StorageAccount
{
    /// <summary>The account <paramref name="options"/> name, with clients made here (the CLI, the tests, the benchmarks).</summary>
    /// <exception cref="ArgumentException">An identity-based connection (<see cref="StorageOptions.AccountName"/>) without a <see cref="StorageOptions.Credential"/>.</exception>
    public StorageAccount(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        var queueOptions = new QueueClientOptions();
        ConfigureQueues(queueOptions);
        if (options.AccountName is { } name)
        {
            var credential = options.Credential ?? throw new ArgumentException("An identity-based connection (AccountName) needs a Credential.", nameof(options));
            Blobs = new BlobServiceClient(new Uri($"https://{name}.blob.core.windows.net"), credential);
            Queues = new QueueServiceClient(new Uri($"https://{name}.queue.core.windows.net"), credential, queueOptions);
            Tables = new TableServiceClient(new Uri($"https://{name}.table.core.windows.net"), credential);
        }
        else
        {
            Blobs = new BlobServiceClient(options.ConnectionString);
            Queues = new QueueServiceClient(options.ConnectionString, queueOptions);
            Tables = new TableServiceClient(options.ConnectionString);
        }
    }

    /// <summary>The account over clients registered elsewhere (the function app's, by <see cref="StorageRegistration.AddStorageAccount"/>).</summary>
    public StorageAccount(StorageOptions options, BlobServiceClient blobs, QueueServiceClient queues, TableServiceClient tables)
    {
        ArgumentNullException.ThrowIfNull(options);
        (Options, Blobs, Queues, Tables) = (options, blobs, queues, tables);
    }

    /// <summary>How every queue client of the workflow is set: message text as is (<c>host.json</c> sets <c>messageEncoding</c> to <c>none</c>, as Event Grid writes).</summary>
    public static void ConfigureQueues(QueueClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.MessageEncoding = QueueMessageEncoding.None;
    }

    public StorageOptions Options { get; }

    public BlobServiceClient Blobs { get; }

    public TableServiceClient Tables { get; }

    /// <summary>Queues, with message text written as is (<c>host.json</c> sets <c>messageEncoding</c> to <c>none</c>, as Event Grid writes).</summary>
    public QueueServiceClient Queues { get; }

    /// <summary>Whether this is the local emulator (Azurite, on a loopback address), which lacks some of Azure's features (a directory SAS).</summary>
    public bool IsLocalEmulator => Options.AccountName is null && Blobs.Uri.IsLoopback;

    /// <summary>Messages on a queue, visible or in flight; 0 when the queue is drained (or does not exist yet).</summary>
    public async Task<int> PendingMessagesAsync(string queue, CancellationToken cancellationToken = default)
    {
        var client = Queues.GetQueueClient(queue);
        return await client.ExistsAsync(cancellationToken)
            ? (await client.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount
            : 0;
    }

    /// <summary>Creates the containers and tables the function app uses, if they are missing.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var container in new[] { Options.UploadsContainer, Options.RegistryContainer, Options.ReportsContainer, Options.NoticesContainer, Options.RulesContainer, Options.RulesArchiveContainer, Options.LocksContainer, Options.SnapshotsContainer })
        {
            await Blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var table in new[] { Options.UploadsTable, Options.ResultsTable, Options.MunicipalitiesTable, Options.RubricsTable, Options.NotificationsTable, Options.DeliveriesTable, Options.RuleVersionsTable, Options.SupportDecisionsTable, Options.SupportAuditTable, Options.FederalListsTable })
        {
            await Tables.CreateTableIfNotExistsAsync(table, cancellationToken);
        }
    }
}
