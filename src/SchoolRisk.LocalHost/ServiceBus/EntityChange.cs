namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>The outcome of creating or deleting an entity, which the management API answers as 201, 409, 404 or 200.</summary>
internal enum EntityChange
{
    Created,
    AlreadyExists,
    NotFound,
    Deleted,
}

/// <summary>A subscription and its message counts, as the management API shows them.</summary>
/// <param name="Description">The subscription.</param>
/// <param name="ActiveMessageCount">Messages in the subscription, locked or not (Service Bus counts locked messages as active).</param>
/// <param name="DeadLetterMessageCount">Messages in its dead-letter queue.</param>
internal sealed record SubscriptionView(SubscriptionDescription Description, long ActiveMessageCount, long DeadLetterMessageCount);

/// <summary>What the topic did with a transfer's messages.</summary>
/// <param name="TopicFound">Whether the topic exists (otherwise nothing was done).</param>
/// <param name="Copied">Messages copied to at least one subscription.</param>
/// <param name="Duplicates">Messages dropped because their id was seen within the duplicate detection window.</param>
/// <param name="Unmatched">Messages no subscription's filter took, dropped.</param>
internal sealed record PublishResult(bool TopicFound, int Copied, int Duplicates, int Unmatched);

/// <summary>One round of the dispatcher: the deliveries to make, the drains to complete, and when the next lock expires.</summary>
internal sealed record DispatchRound(
    IReadOnlyList<(MessageConsumer Consumer, OutgoingMessage Message)> Deliveries,
    IReadOnlyList<MessageConsumer> Drained,
    DateTimeOffset? NextLockExpiry);
