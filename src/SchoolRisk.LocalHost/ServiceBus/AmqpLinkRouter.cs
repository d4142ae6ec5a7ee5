using Amqp;
using Amqp.Framing;
using Amqp.Listener;
using Amqp.Types;
using Microsoft.Extensions.Logging;

namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>
/// Decides every link the client attaches. <c>$cbs</c> takes tokens; any other link needs a token accepted on its
/// connection for its address (else <c>amqp:unauthorized-access</c>, an <see cref="UnauthorizedAccessException"/> on
/// the client). An entity's <c>$management</c> node answers requests; a topic takes senders (and tells them
/// <c>max-message-size</c>: without it the client refuses every message as "larger than is currently allowed (-1
/// bytes)"); a subscription and its dead-letter queue take receivers, peek-lock when the receiver settles
/// (<c>snd-settle-mode</c> unsettled) and receive-and-delete when it asks for settled transfers. A missing entity is
/// <c>amqp:not-found</c> (the client's <c>MessagingEntityNotFound</c>), a session receiver <c>amqp:not-implemented</c>,
/// a sender to a subscription or a receiver on a topic <c>amqp:not-allowed</c>.
/// </summary>
internal sealed class AmqpLinkRouter(
    BrokerStore store, CbsNode cbs, DeliveryTags tags, ServiceBusBrokerOptions options, ILoggerFactory loggers) : ILinkProcessor
{
    /// <summary>Credit granted to a sender's link (and a request link); restored as transfers are settled.</summary>
    private const int SenderCredit = 100;

    private readonly ILogger _logger = loggers.CreateLogger<AmqpLinkRouter>();

    private static readonly Symbol SessionFilter = new("com.microsoft:session-filter");

    public void Process(AttachContext attachContext)
    {
        try
        {
            Route(attachContext);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _logger.LogError(exception, "Service Bus link {Link} could not attach", attachContext.Attach.LinkName);
            attachContext.Complete(new Error(ErrorCode.InternalError) { Description = exception.Message });
        }
    }

    private void Route(AttachContext attachContext)
    {
        var attach = attachContext.Attach;
        var link = attachContext.Link;
        var connection = AmqpConnectionState.Of(link);

        // attach.Role is the client's: false, it sends (to a topic, a request); true, it receives.
        var clientSends = !attach.Role;
        var nodeAddress = clientSends ? (attach.Target as Target)?.Address : (attach.Source as Source)?.Address;
        if (string.Equals(EntityAddress.PathOf(nodeAddress), CbsNode.Address, StringComparison.Ordinal))
        {
            AttachRequestResponse(attachContext, connection, request => cbs.Answer(connection, request));
            return;
        }

        var entity = EntityAddress.Parse(nodeAddress);
        if (entity is null)
        {
            Refuse(attachContext, ErrorCode.NotFound, $"'{nodeAddress}' is not an entity of this namespace.");
            return;
        }

        if (!connection.IsAuthorized(EntityAddress.PathOf(nodeAddress), options.TimeProvider.GetUtcNow()))
        {
            Refuse(attachContext, ErrorCode.UnauthorizedAccess, $"No valid token was put on $cbs for '{nodeAddress}' on this connection.");
            return;
        }

        var exists = entity.Subscription is null ? store.GetTopic(entity.Topic) is not null : store.HasQueue(entity);
        if (!exists)
        {
            Refuse(attachContext, ErrorCode.NotFound, $"The messaging entity '{entity.EntityPath}' could not be found.");
            return;
        }

        if (entity.Management)
        {
            var node = new ManagementNode(entity, store);
            AttachRequestResponse(attachContext, connection, node.Answer);
        }
        else if (clientSends && entity.Subscription is null)
        {
            attach.MaxMessageSize = (ulong)options.MaxMessageSizeBytes;
            attachContext.Complete(new TopicTargetEndpoint(entity.Topic, store, options.MaxMessageSizeBytes, loggers.CreateLogger<TopicTargetEndpoint>()), SenderCredit);
        }
        else if (!clientSends && entity.Subscription is not null)
        {
            if ((attach.Source as Source)?.FilterSet is { } filters && filters.ContainsKey(SessionFilter))
            {
                Refuse(attachContext, ErrorCode.NotImplemented, "The local Service Bus broker does not play sessions.");
                return;
            }

            var endpoint = new QueueSourceEndpoint(link, peekLock: attach.SndSettleMode != SenderSettleMode.Settled, store, tags);
            attachContext.Complete(endpoint, 0);
            if (!store.AddConsumer(entity, endpoint.Consumer))
            {
                link.Close(TimeSpan.Zero, new Error(ErrorCode.NotFound) { Description = $"The messaging entity '{entity.EntityPath}' was deleted." });
            }
        }
        else
        {
            Refuse(attachContext, ErrorCode.NotAllowed, clientSends
                ? $"Messages are sent to a topic, not to '{entity.EntityPath}'."
                : $"Messages are received from a subscription, not from the topic '{entity.EntityPath}'.");
        }
    }

    /// <summary>A request-response link: the client's sender carries requests, its receiver (known by its target address) the answers.</summary>
    private void AttachRequestResponse(AttachContext attachContext, AmqpConnectionState connection, Func<Message, Message> answer)
    {
        var attach = attachContext.Attach;
        if (!attach.Role)
        {
            attachContext.Complete(new RequestLinkEndpoint(connection, answer, loggers.CreateLogger<RequestLinkEndpoint>()), SenderCredit);
            return;
        }

        var replyTo = (attach.Target as Target)?.Address;
        if (string.IsNullOrEmpty(replyTo))
        {
            Refuse(attachContext, ErrorCode.InvalidField, "A response link needs a target address, which requests name as their reply-to.");
            return;
        }

        connection.AddResponseLink(replyTo, attachContext.Link);
        attachContext.Complete(new ResponseLinkEndpoint(connection, replyTo), 0);
    }

    private void Refuse(AttachContext attachContext, string condition, string description)
    {
        _logger.LogWarning("Service Bus link {Link} refused: {Condition} {Description}", attachContext.Attach.LinkName, condition, description);
        attachContext.Complete(new Error(condition) { Description = description });
    }
}
