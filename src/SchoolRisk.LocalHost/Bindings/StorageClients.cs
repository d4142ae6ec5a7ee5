using System.Collections.Concurrent;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using SchoolRisk.LocalHost.Configuration;

namespace SchoolRisk.LocalHost.Bindings;

/// <summary>
/// The storage accounts the bindings name through their <c>connection</c> setting (<see cref="AppSettings.ConnectionString"/>),
/// one client of each kind per account; and the queues and containers created so far, since the queue and blob
/// output bindings create what they write to when it is missing.
/// </summary>
internal sealed class StorageClients(AppSettings settings)
{
    private readonly ConcurrentDictionary<string, QueueServiceClient> _queues = new();
    private readonly ConcurrentDictionary<string, BlobServiceClient> _blobs = new();
    private readonly ConcurrentDictionary<string, Lazy<Task>> _created = new();

    /// <exception cref="InvalidOperationException">No setting holds the connection.</exception>
    public QueueServiceClient Queues(string? connection) =>
        _queues.GetOrAdd(settings.ConnectionString(connection), static connectionString => new QueueServiceClient(connectionString));

    /// <exception cref="InvalidOperationException">No setting holds the connection.</exception>
    public BlobServiceClient Blobs(string? connection) =>
        _blobs.GetOrAdd(settings.ConnectionString(connection), static connectionString => new BlobServiceClient(connectionString));

    /// <summary>A queue, created once per host run.</summary>
    public async Task<QueueClient> QueueAsync(string? connection, string name, CancellationToken cancellationToken)
    {
        var queue = Queues(connection).GetQueueClient(name);
        await EnsureAsync($"queue|{queue.Uri}", () => queue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None), cancellationToken);
        return queue;
    }

    /// <summary>A blob container, created once per host run.</summary>
    public async Task<BlobContainerClient> ContainerAsync(string? connection, string name, CancellationToken cancellationToken)
    {
        var container = Blobs(connection).GetBlobContainerClient(name);
        await EnsureAsync($"container|{container.Uri}", () => container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None), cancellationToken);
        return container;
    }

    private async Task EnsureAsync(string key, Func<Task> create, CancellationToken cancellationToken)
    {
        var creation = _created.GetOrAdd(key, _ => new Lazy<Task>(create));
        try
        {
            await creation.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (creation.Value.IsFaulted)
        {
            // A failed creation (storage unreachable) is tried again by the next caller.
            _created.TryRemove(new KeyValuePair<string, Lazy<Task>>(key, creation));
            throw;
        }
    }
}
