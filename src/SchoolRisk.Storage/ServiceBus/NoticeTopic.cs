using System.Globalization;
using Azure.Core;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using SchoolRisk.Domain.Notices.Deliveries;

namespace SchoolRisk.Storage.ServiceBus;

/// <summary>
/// The Service Bus topic of notices (<see cref="NoticeTopicOptions.Topic"/>, <c>risk-notices</c>): publishes one
/// message per Service Bus delivery and makes sure the recipient's subscription exists first
/// (<see cref="NoticeSubscription"/>: one per municipality and one for the committee, each with a correlation filter on
/// the <c>recipient</c> property and its own dead-letter queue), so that a message is never published to a topic with no
/// subscription to keep it. A subscription is created when a municipality first has something to receive, or when the
/// registry that names it is saved (<see cref="EnsureSubscriptionsAsync"/>): nothing is redeployed. Thread-safe; one
/// per app.
/// </summary>
public sealed class NoticeTopic : IAsyncDisposable
{
    /// <summary>The content type of every message: the delivery's JSON body in UTF-8.</summary>
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>
    /// The largest body, in UTF-8 bytes, a message carries: a Standard-tier message is at most 256 KB with its headers
    /// and properties (Service Bus quotas, "Maximum message size"), and the properties of a notice take far less than
    /// the 56 KiB left. A larger notice is published with a link to its blob instead (<c>TopicPublisher</c>).
    /// </summary>
    public const int MaxBodyBytes = 200 * 1024;

    private static readonly ServiceBusClientOptions ClientOptions = new()
    {
        RetryOptions = new ServiceBusRetryOptions { MaxRetries = 0, TryTimeout = TimeSpan.FromSeconds(30) },
    };

    private readonly ServiceBusClient _client;
    private readonly ServiceBusAdministrationClient _administration;
    private readonly NoticeTopicOptions _options;
    private readonly ServiceBusSender _sender;

    /// <param name="client">The client of the namespace (AMQP).</param>
    /// <param name="administration">The management client of the same namespace (HTTPS; creates subscriptions).</param>
    /// <param name="options">The topic and the subscriptions' settings.</param>
    public NoticeTopic(ServiceBusClient client, ServiceBusAdministrationClient administration, NoticeTopicOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _administration = administration;
        _options = options;
        _sender = client.CreateSender(options.Topic);
    }

    /// <summary>
    /// The topic over a connection string (the local broker, or a namespace's shared access key where one is allowed).
    /// The client does not retry by itself (<c>MaxRetries</c> 0): a delivery's retries are the deliverer's, one policy
    /// for every channel.
    /// </summary>
    public static NoticeTopic Connect(string connectionString, NoticeTopicOptions options) =>
        new(new ServiceBusClient(connectionString, ClientOptions), new ServiceBusAdministrationClient(connectionString), options);

    /// <summary>The topic in the namespace <paramref name="fullyQualifiedNamespace"/>, reached as <paramref name="credential"/> (Azure: the app's managed identity).</summary>
    public static NoticeTopic Connect(string fullyQualifiedNamespace, TokenCredential credential, NoticeTopicOptions options) =>
        new(new ServiceBusClient(fullyQualifiedNamespace, credential, ClientOptions), new ServiceBusAdministrationClient(fullyQualifiedNamespace, credential), options);

    /// <summary>The topic's name.</summary>
    public string Name => _options.Topic;

    /// <summary>
    /// Publishes a delivery's message: <paramref name="body"/> (the delivery's JSON) with the
    /// <paramref name="notice"/>'s message id, subject and application properties, after making sure the subscription
    /// of <paramref name="recipientId"/> exists. A message id the topic saw within its duplicate-detection window is
    /// accepted and dropped by Service Bus. <paramref name="timeToLive"/>, when given, is how long the message may wait
    /// to be received (a message linking a blob lives as long as its link); otherwise the topic's default.
    /// </summary>
    /// <exception cref="NoticeTopicException">Publishing failed; the reason in Russian, and whether a retry can help.</exception>
    public async Task PublishAsync(string recipientId, PublishedNotice notice, string body, TimeSpan? timeToLive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        await EnsureSubscriptionAsync(recipientId, cancellationToken);
        var message = new ServiceBusMessage(BinaryData.FromString(body))
        {
            MessageId = notice.MessageId,
            Subject = notice.Subject,
            ContentType = ContentType,
        };
        if (timeToLive is { } lifetime)
        {
            message.TimeToLive = lifetime;
        }

        foreach (var (name, value) in notice.Properties)
        {
            message.ApplicationProperties[name] = value;
        }

        try
        {
            await _sender.SendMessageAsync(message, cancellationToken);
        }
        catch (ServiceBusException exception) when (exception.Reason == ServiceBusFailureReason.MessageSizeExceeded)
        {
            throw new NoticeTopicException(
                string.Create(CultureInfo.GetCultureInfo("ru-RU"), $"сообщение ({body.Length:N0} знаков) больше, чем принимает тема «{Name}» Service Bus, и не опубликовано."),
                transient: false, exception);
        }
        catch (Exception exception) when (Failure(exception, $"не удалось опубликовать сообщение в теме «{Name}» Service Bus") is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>Makes sure each recipient of <paramref name="recipientIds"/> has its subscription (the registry's municipalities and the committee, when the registry is saved).</summary>
    /// <exception cref="NoticeTopicException">A subscription could not be created; the reason in Russian.</exception>
    public async Task EnsureSubscriptionsAsync(IEnumerable<string> recipientIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipientIds);
        foreach (var recipientId in recipientIds)
        {
            await EnsureSubscriptionAsync(recipientId, cancellationToken);
        }
    }

    /// <summary>Every subscription of the topic with its message counts, by name (the demo's lines).</summary>
    public async Task<IReadOnlyList<SubscriptionCount>> CountsAsync(CancellationToken cancellationToken)
    {
        var counts = new List<SubscriptionCount>();
        await foreach (var subscription in _administration.GetSubscriptionsRuntimePropertiesAsync(Name, cancellationToken))
        {
            counts.Add(new SubscriptionCount(subscription.SubscriptionName, subscription.ActiveMessageCount, subscription.DeadLetterMessageCount));
        }

        return [.. counts.OrderBy(count => count.Subscription, StringComparer.Ordinal)];
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _sender.DisposeAsync();
        await _client.DisposeAsync();
    }

    private async Task EnsureSubscriptionAsync(string recipientId, CancellationToken cancellationToken)
    {
        // Checked before every publish, never remembered: a subscription an administrator deleted is made again
        // before the next message, which the topic would otherwise drop with no subscription to keep it.
        var name = NoticeSubscription.NameOf(recipientId);
        try
        {
            if (!await _administration.SubscriptionExistsAsync(Name, name, cancellationToken))
            {
                var subscription = new CreateSubscriptionOptions(Name, name)
                {
                    LockDuration = _options.LockDuration,
                    MaxDeliveryCount = _options.MaxDeliveryCount,
                    DeadLetteringOnMessageExpiration = true,
                    UserMetadata = $"Notices to {recipientId}",
                };
                var filter = new CorrelationRuleFilter { ApplicationProperties = { [NoticeSubscription.RecipientProperty] = recipientId } };
                await _administration.CreateSubscriptionAsync(subscription, new CreateRuleOptions(NoticeSubscription.RecipientProperty, filter), cancellationToken);
            }
        }
        catch (ServiceBusException exception) when (exception.Reason == ServiceBusFailureReason.MessagingEntityAlreadyExists)
        {
            // Created meanwhile by another instance: it is there.
        }
        catch (Exception exception) when (Failure(exception, $"не удалось создать подписку «{name}» темы «{Name}» Service Bus") is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>What a failure of Service Bus means for the delivery, or <c>null</c> for an exception that is not one (cancellation, a bug).</summary>
    private NoticeTopicException? Failure(Exception exception, string what) => exception switch
    {
        UnauthorizedAccessException =>
            new NoticeTopicException($"{what}: у приложения нет прав на тему (нужны роли «Azure Service Bus Data Sender» и, для подписок, «Azure Service Bus Data Owner» на тему): {ServiceBusErrorText.Brief(exception)}", transient: false, exception),
        ServiceBusException { Reason: ServiceBusFailureReason.MessagingEntityNotFound } =>
            new NoticeTopicException($"{what}: темы «{Name}» нет в пространстве имён; её создаёт infra/main.bicep: {ServiceBusErrorText.Brief(exception)}", transient: false, exception),
        ServiceBusException { IsTransient: true } or ServiceBusException { Reason: ServiceBusFailureReason.ServiceCommunicationProblem } or TimeoutException =>
            new NoticeTopicException($"{what}: Service Bus временно недоступна: {ServiceBusErrorText.Brief(exception)}", transient: true, exception),
        ServiceBusException serviceBus =>
            new NoticeTopicException($"{what} ({serviceBus.Reason}): {ServiceBusErrorText.Brief(exception)}", transient: false, exception),
        Azure.RequestFailedException or HttpRequestException =>
            new NoticeTopicException($"{what}: Service Bus временно недоступна: {ServiceBusErrorText.Brief(exception)}", transient: true, exception),
        _ => null,
    };
}
