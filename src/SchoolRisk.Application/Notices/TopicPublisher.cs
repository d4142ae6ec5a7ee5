using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Storage.ServiceBus;

namespace SchoolRisk.Application.Notices;

/// <summary>
/// Deliveries to the notices topic of Azure Service Bus (<see cref="DeliveryChannel.ServiceBus"/>): the
/// <see cref="DeliveryBody"/> JSON, with the message id, subject and application properties of
/// <see cref="PublishedNotice"/>, to the recipient's subscription. Service Bus busy or unreachable is transient; no
/// rights, no topic, a message too large are permanent, with the reason in Russian.
/// </summary>
public sealed class TopicPublisher(NoticeTopic topic) : IDeliverySender
{
    /// <inheritdoc/>
    public DeliveryChannel Channel => DeliveryChannel.ServiceBus;

    /// <summary>The topic's name, for the deliveries' addresses.</summary>
    public string Topic => topic.Name;

    /// <inheritdoc/>
    public async Task SendAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        try
        {
            await topic.PublishAsync(delivery.Recipient.RecipientId, PublishedNotice.Of(delivery), DeliveryBody.Serialize(delivery), cancellationToken);
        }
        catch (NoticeTopicException exception)
        {
            throw new DeliveryFailedException(exception.Message, permanent: !exception.Transient, exception);
        }
    }
}
