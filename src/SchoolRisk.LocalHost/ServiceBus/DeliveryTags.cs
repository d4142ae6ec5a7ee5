using System.Runtime.CompilerServices;
using Amqp;
using Amqp.Handler;

namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>
/// Gives each message the broker sends its delivery tag: the 16 bytes of its lock token (<c>Guid.ToByteArray</c>, the
/// layout the client reads back in <c>GuidUtilities.TryParseGuidBytes</c>). AMQPNetLite numbers deliveries itself and
/// lets a connection's handler change the tag on <see cref="EventId.SendDelivery"/>, which is the only way in; without
/// a GUID tag the client refuses to settle ("not supported for peeked messages").
/// </summary>
internal sealed class DeliveryTags : IHandler
{
    private readonly ConditionalWeakTable<Message, byte[]> _tags = [];

    /// <summary>Sets the tag the message will carry when it is sent.</summary>
    public void Assign(Message message, Guid lockToken) => _tags.AddOrUpdate(message, lockToken.ToByteArray());

    public bool CanHandle(EventId id) => id == EventId.SendDelivery;

    public void Handle(Event protocolEvent)
    {
        if (protocolEvent.Id == EventId.SendDelivery && protocolEvent.Context is IDelivery delivery
            && delivery.Message is { } message && _tags.TryGetValue(message, out var tag))
        {
            delivery.Tag = tag;
            _tags.Remove(message);
        }
    }
}
