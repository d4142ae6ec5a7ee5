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
    /// <summary>One retry of a failed call, each try at most 30 s: a person at the command line hears of an outage soon.</summary>
    private static readonly ServiceBusClientOptions ClientOptions = new()
    {
        RetryOptions = new ServiceBusRetryOptions { MaxRetries = 1, TryTimeout = TimeSpan.FromSeconds(30) },
    };

    private readonly ServiceBusClient _client;
    private readonly ServiceBusReceiver _receiver;
    private readonly string _where;

    private NoticeInbox(ServiceBusClient client, string topic, string recipientId)
    {
        _client = client;
        var subscription = NoticeSubscription.NameOf(recipientId);
        _receiver = client.CreateReceiver(topic, subscription);
        _where = $"подписка «{subscription}» темы «{topic}» ({client.FullyQualifiedNamespace})";
    }

    /// <summary>The inbox of <paramref name="recipientId"/> (a municipality's id or <c>committee</c>) on <paramref name="topic"/>, over a connection string (the local broker).</summary>
    public static NoticeInbox Open(string connectionString, string topic, string recipientId) =>
        new(new ServiceBusClient(connectionString, ClientOptions), topic, recipientId);

    /// <summary>The inbox of <paramref name="recipientId"/> on <paramref name="topic"/> in the namespace <paramref name="fullyQualifiedNamespace"/>, as <paramref name="credential"/> (Azure).</summary>
    public static NoticeInbox Open(string fullyQualifiedNamespace, TokenCredential credential, string topic, string recipientId) =>
        new(new ServiceBusClient(fullyQualifiedNamespace, credential, ClientOptions), topic, recipientId);

    /// <summary>
    /// Receives up to <paramref name="max"/> messages, each handed to <paramref name="read"/>: it returns <c>null</c>
    /// when it read the message, which is then completed, or the reason it could not, in Russian, and the message is
    /// dead-lettered with it. Stops when no message came for <paramref name="wait"/>.
    /// </summary>
    /// <returns>How many messages were read and how many dead-lettered.</returns>
    /// <exception cref="NoticeTopicException">
    /// The subscription does not exist, the identity may not read it, or Service Bus cannot be reached; the reason in
    /// Russian. Messages settled before it stay settled; one locked then comes again after its lock.
    /// </exception>
    public async Task<(int Read, int DeadLettered)> ReceiveAsync(Func<ReceivedNotice, string?> read, int max, TimeSpan wait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            return await ReceiveMessagesAsync(read, max, wait, cancellationToken);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new NoticeTopicException($"{_where}: нет прав на чтение; нужна роль «Azure Service Bus Data Receiver» на этой подписке, а при подключении строкой — верный ключ ({ServiceBusErrorText.Brief(exception).TrimEnd('.')}).", transient: false, exception);
        }
        catch (ServiceBusException exception) when (exception.Reason == ServiceBusFailureReason.MessagingEntityNotFound)
        {
            throw new NoticeTopicException(
                $"{_where}: такой подписки (или темы) нет. Подписка муниципалитета появляется, когда он есть в реестре школ, подписка комитета — при развёртывании; проверьте код муниципалитета и имя темы.",
                transient: false, exception);
        }
        catch (ServiceBusException exception) when (exception.Reason == ServiceBusFailureReason.MessageLockLost)
        {
            throw new NoticeTopicException(
                $"{_where}: уведомление читалось дольше, чем подписка держит его за читателем, и не отмечено прочитанным; оно придёт снова при следующем чтении.",
                transient: true, exception);
        }
        catch (ServiceBusException exception)
        {
            throw new NoticeTopicException($"{_where}: Service Bus недоступна ({exception.Reason}): {ServiceBusErrorText.Brief(exception).TrimEnd('.')}.", exception.IsTransient, exception);
        }
    }

    private async Task<(int Read, int DeadLettered)> ReceiveMessagesAsync(Func<ReceivedNotice, string?> read, int max, TimeSpan wait, CancellationToken cancellationToken)
    {
        var (done, deadLettered) = (0, 0);
        while (done + deadLettered < max)
        {
            var message = await _receiver.ReceiveMessageAsync(wait, cancellationToken);
            if (message is null)
            {
                break;
            }

            var problem = read(new ReceivedNotice(
                message.MessageId, message.Subject ?? string.Empty, message.ApplicationProperties, BodyOf(message), message.DeliveryCount, message.EnqueuedTime));
            if (problem is not null)
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

    /// <summary>The body as text, or <c>null</c> when it is not AMQP data (a value or a sequence, which other clients can send).</summary>
    private static string? BodyOf(ServiceBusReceivedMessage message)
    {
        try
        {
            return message.Body.ToString();
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _client.DisposeAsync();
    }
}
