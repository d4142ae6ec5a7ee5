namespace SchoolRisk.Storage.ServiceBus;

/// <summary>
/// A message received from a subscription of the notices topic: its id (the delivery's key), subject, application
/// properties, body as text (the delivery's JSON, see <c>DeliveryBody</c>; <c>null</c> when the body is not AMQP data
/// but a value or a sequence, which other clients can send), how many times it has been delivered (1 the first time),
/// and when the topic accepted it.
/// </summary>
public sealed record ReceivedNotice(
    string MessageId, string Subject, IReadOnlyDictionary<string, object> Properties, string? Body, int DeliveryCount, DateTimeOffset EnqueuedAt);
