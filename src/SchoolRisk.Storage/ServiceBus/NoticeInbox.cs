using Azure.Core;
using Azure.Messaging.ServiceBus;
using SchoolRisk.Domain.Notices.Deliveries;

namespace SchoolRisk.Storage.ServiceBus;

/// <summary>
/// One recipient's subscription of the notices topic, read as a municipality's system reads it: peek-lock, then
/// complete a message that was read, or move one that cannot be read to the subscription's dead-letter queue with the
/// reason, so that it is neither lost nor delivered again and again. In Azure, the reader's identity needs only
/// <i>Azure Service Bus Data Receiver</i> on its own subscription.
/// </summary>
public sealed class NoticeInbox : IAsyncDisposable
{
    private readonly ServiceBusClient _client;
    private readonly ServiceBusReceiver _receiver;

    private NoticeInbox(ServiceBusClient client, string topic, string recipientId)
    {
        _client = client;
        _receiver = client.CreateReceiver(topic, NoticeSubscription.NameOf(recipientId));
    }

    /// <summary>The inbox of <paramref name="recipientId"/> (a municipality's id or <c>committee</c>) on <paramref name="topic"/>, over a connection string (the local broker).</summary>
    public static NoticeInbox Open(string connectionString, string topic, string recipientId) =>
        new(new ServiceBusClient(connectionString), topic, recipientId);

    /// <summary>The inbox of <paramref name="recipientId"/> on <paramref name="topic"/> in the namespace <paramref name="fullyQualifiedNamespace"/>, as <paramref name="credential"/> (Azure).</summary>
    public static NoticeInbox Open(string fullyQualifiedNamespace, TokenCredential credential, string topic, string recipientId) =>
        new(new ServiceBusClient(fullyQualifiedNamespace, credential), topic, recipientId);

    /// <summary>
    /// Receives up to <paramref name="max"/> messages, each handed to <paramref name="read"/>: it returns <c>null</c>
    /// when it read the message, which is then completed, or the reason it could not, in Russian, and the message is
    /// dead-lettered with it. Stops when no message came for <paramref name="wait"/>.
    /// </summary>
    /// <returns>How many messages were read and how many dead-lettered.</returns>
    /// <exception cref="ServiceBusException">The subscription does not exist, or Service Bus cannot be reached.</exception>
    /// <exception cref="UnauthorizedAccessException">The identity may not read the subscription.</exception>
    public async Task<(int Read, int DeadLettered)> ReceiveAsync(Func<ReceivedNotice, string?> read, int max, TimeSpan wait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var (done, deadLettered) = (0, 0);
        while (done + deadLettered < max)
        {
            var message = await _receiver.ReceiveMessageAsync(wait, cancellationToken);
            if (message is null)
            {
                break;
            }

            var notice = new ReceivedNotice(
                message.MessageId, message.Subject ?? string.Empty, message.ApplicationProperties, message.Body.ToString(), message.DeliveryCount, message.EnqueuedTime);
            if (read(notice) is { } problem)
            {
                await _receiver.DeadLetterMessageAsync(message, "Unreadable", problem, cancellationToken);
                deadLettered++;
            }
            else
            {
                await _receiver.CompleteMessageAsync(message, cancellationToken);
                done++;
            }
        }

        return (done, deadLettered);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _client.DisposeAsync();
    }
}
