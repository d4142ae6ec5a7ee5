using System.Text.Json.Serialization;

namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>
/// One line of the broker's journal (<see cref="BrokerJournal"/>): a change to the entities or their messages, written
/// before the change is acknowledged, replayed in order at start.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(TopicCreated), "topic")]
[JsonDerivedType(typeof(SubscriptionCreated), "subscription")]
[JsonDerivedType(typeof(SubscriptionDeleted), "subscription-deleted")]
[JsonDerivedType(typeof(MessageAccepted), "message")]
[JsonDerivedType(typeof(MessageRemoved), "removed")]
[JsonDerivedType(typeof(MessageReturned), "returned")]
[JsonDerivedType(typeof(MessageDeadLettered), "dead-lettered")]
internal abstract record JournalRecord;

/// <summary>A topic was created.</summary>
internal sealed record TopicCreated(string Name, bool RequiresDuplicateDetection, TimeSpan DuplicateDetectionHistoryTimeWindow, DateTimeOffset CreatedAt)
    : JournalRecord;

/// <summary>A subscription was created; its filter is kept as the ATOM XML it came in (<c>null</c>: the true filter).</summary>
internal sealed record SubscriptionCreated(
    string Topic, string Name, TimeSpan LockDuration, int MaxDeliveryCount, bool DeadLetteringOnMessageExpiration,
    string RuleName, string? FilterXml, DateTimeOffset CreatedAt) : JournalRecord;

/// <summary>A subscription was deleted with its messages.</summary>
internal sealed record SubscriptionDeleted(string Topic, string Name) : JournalRecord;

/// <summary>
/// A topic accepted a message: its sequence number and id (the duplicate detection history), and the subscriptions it
/// was copied to with its stamped encoding (none, and no payload, when no filter matched).
/// </summary>
internal sealed record MessageAccepted(
    string Topic, long SequenceNumber, string? MessageId, DateTimeOffset EnqueuedAt, IReadOnlyList<string> Subscriptions, byte[]? Payload)
    : JournalRecord;

/// <summary>A message left a subscription or its dead-letter queue (completed, or received and deleted).</summary>
internal sealed record MessageRemoved(string Topic, string Subscription, bool DeadLetter, long SequenceNumber) : JournalRecord;

/// <summary>A delivery failed (abandoned, lock expired, receiver gone): the message's failed deliveries, and its encoding when an abandon modified it.</summary>
internal sealed record MessageReturned(string Topic, string Subscription, bool DeadLetter, long SequenceNumber, int FailedDeliveries, byte[]? Payload)
    : JournalRecord;

/// <summary>A message moved to its subscription's dead-letter queue, with its encoding carrying the reason.</summary>
internal sealed record MessageDeadLettered(string Topic, string Subscription, long SequenceNumber, string Reason, byte[] Payload) : JournalRecord;
