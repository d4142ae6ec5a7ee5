using Amqp;
using Amqp.Framing;
using Amqp.Listener;
using Microsoft.Extensions.Logging;

namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>
/// A sender's link to a topic. Each transfer (a message, or a batch in format <c>0x80013700</c>) goes to the store,
/// which journals it before the <c>Accepted</c> outcome goes back, so an accepted message survives a restart. A transfer
/// larger than the namespace's maximum message size is rejected with <c>amqp:link:message-size-exceeded</c>, which the
/// client throws as <c>ServiceBusFailureReason.MessageSizeExceeded</c>; a topic deleted meanwhile, with
/// <c>amqp:not-found</c>.
/// </summary>
internal sealed class TopicTargetEndpoint(string topic, BrokerStore store, int maxMessageSizeBytes, ILogger<TopicTargetEndpoint> logger) : LinkEndpoint
{
    public override void OnMessage(MessageContext messageContext)
    {
        var message = messageContext.Message;
        try
        {
            var size = message.Encode().Length;
            if (size > maxMessageSizeBytes)
            {
                logger.LogWarning("Service Bus transfer of {Size} bytes to {Topic} refused: larger than {Limit} bytes", size, topic, maxMessageSizeBytes);
                messageContext.Complete(new Error(ErrorCode.MessageSizeExceeded)
                {
                    Description = $"The message is {size} bytes; the largest this namespace takes is {maxMessageSizeBytes} bytes.",
                });
                return;
            }

            var result = store.Publish(topic, MessagePayload.Unbatch(message));
            if (result.TopicFound)
            {
                messageContext.Complete();
            }
            else
            {
                messageContext.Complete(new Error(ErrorCode.NotFound) { Description = $"The topic {topic} does not exist." });
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogError(exception, "Service Bus transfer to {Topic} failed", topic);
            messageContext.Complete(new Error(ErrorCode.InternalError) { Description = exception.Message });
        }
    }

    public override void OnFlow(FlowContext flowContext)
    {
    }

    public override void OnDisposition(DispositionContext dispositionContext)
    {
    }
}
