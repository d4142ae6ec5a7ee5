using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;

namespace SchoolRisk.LocalHost.EventGrid;

/// <summary>
/// Event Grid's stand-in: lists the subscribed containers and, for each blob not yet published at its current ETag,
/// writes a BlobCreated event on the subscription's queue. What was published is kept in a table, so a restart
/// publishes only what is new. Delivery is at least once, as Event Grid's is. It lists every
/// <paramref name="pollingInterval"/> while blobs keep coming; each listing that finds nothing new doubles the wait, up to
/// <paramref name="maxPollingInterval"/>, as the queue trigger backs off on an empty queue: an idle deployment costs
/// Azurite a few listings a second, not a dozen.
/// </summary>
internal sealed class BlobEventPublisher(
    BlobServiceClient blobs,
    QueueServiceClient queues,
    TableServiceClient tables,
    IReadOnlyList<EventGridSubscription> subscriptions,
    TimeSpan pollingInterval,
    TimeSpan maxPollingInterval,
    TimeProvider time,
    ILogger<BlobEventPublisher> logger)
{
    private const string StateTable = "localeventgridpublished";

    private readonly TableClient _state = tables.GetTableClient(StateTable);
    private readonly Dictionary<(string Container, string Blob), string> _published = [];

    /// <summary>Creates the subscriptions' queues and reads what earlier runs published.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _state.CreateIfNotExistsAsync(cancellationToken);
        await foreach (var entity in _state.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            _published[(entity.PartitionKey, entity.GetString("BlobName"))] = entity.GetString("ETag");
        }

        foreach (var subscription in subscriptions)
        {
            await queues.GetQueueClient(subscription.Queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var wait = pollingInterval;
        try
        {
            while (true)
            {
                var published = 0;
                foreach (var subscription in subscriptions)
                {
                    try
                    {
                        published += await PublishNewBlobsAsync(subscription, cancellationToken);
                    }
                    catch (Exception exception) when (exception is RequestFailedException or HttpRequestException or AggregateException)
                    {
                        // Storage unreachable (an outage): Event Grid keeps the event and delivers it later; so does this.
                        logger.LogWarning("Listing {Container} failed, retrying on the next poll: {Error}", subscription.Container, exception.Message);
                    }
                }

                wait = published > 0 ? pollingInterval : PollingBackoff.Next(wait, pollingInterval, maxPollingInterval);
                await Task.Delay(wait, time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Publishes the container's blobs not yet published at their current ETag; how many it published.</summary>
    private async Task<int> PublishNewBlobsAsync(EventGridSubscription subscription, CancellationToken cancellationToken)
    {
        var published = 0;
        var container = blobs.GetBlobContainerClient(subscription.Container);
        var queue = queues.GetQueueClient(subscription.Queue);
        try
        {
            await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
            {
                var eTag = blob.Properties.ETag?.ToString() ?? string.Empty;
                if (_published.TryGetValue((subscription.Container, blob.Name), out var seen) && seen == eTag)
                {
                    continue;
                }

                var message = BlobCreatedEventMessage.Create(
                    blobs.AccountName, subscription.Container, blob, container.GetBlobClient(blob.Name).Uri, time.GetUtcNow());
                // Sending and recording finish together, even when the host is stopping, so a restart does not publish again.
                await queue.SendMessageAsync(message, CancellationToken.None);
                await _state.UpsertEntityAsync(
                    new TableEntity(subscription.Container, KeyOf(blob.Name)) { ["BlobName"] = blob.Name, ["ETag"] = eTag },
                    cancellationToken: CancellationToken.None);
                _published[(subscription.Container, blob.Name)] = eTag;
                published++;
                logger.LogInformation("BlobCreated {Container}/{Blob} -> queue {Queue}", subscription.Container, blob.Name, subscription.Queue);
            }
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // The container does not exist yet: nothing was uploaded.
        }

        return published;
    }

    private static string KeyOf(string blobName) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(blobName)));
}
