using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace SchoolRisk.Storage;

/// <summary>The service clients of one storage account, created once and shared (they are thread-safe).</summary>
public sealed class StorageAccount
{
    public StorageAccount(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Blobs = new BlobServiceClient(options.ConnectionString);
        Tables = new TableServiceClient(options.ConnectionString);
    }

    public StorageOptions Options { get; }

    public BlobServiceClient Blobs { get; }

    public TableServiceClient Tables { get; }

    /// <summary>Messages on a queue, visible or in flight; 0 when the queue is drained (or does not exist yet).</summary>
    public async Task<int> PendingMessagesAsync(string queue, CancellationToken cancellationToken = default)
    {
        var client = new Azure.Storage.Queues.QueueClient(Options.ConnectionString, queue);
        return await client.ExistsAsync(cancellationToken)
            ? (await client.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount
            : 0;
    }

    /// <summary>Creates the containers and tables the function app uses, if they are missing.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var container in new[] { Options.UploadsContainer, Options.RegistryContainer, Options.ReportsContainer, Options.NoticesContainer, Options.RulesContainer, Options.RulesArchiveContainer, Options.LocksContainer })
        {
            await Blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var table in new[] { Options.UploadsTable, Options.ResultsTable, Options.MunicipalitiesTable, Options.RubricsTable, Options.NotificationsTable, Options.DeliveriesTable, Options.RuleVersionsTable })
        {
            await Tables.CreateTableIfNotExistsAsync(table, cancellationToken);
        }
    }
}
