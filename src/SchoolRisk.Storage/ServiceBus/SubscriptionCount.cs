namespace SchoolRisk.Storage.ServiceBus;

/// <summary>A subscription of the notices topic and its messages: waiting to be received, and in its dead-letter queue.</summary>
public sealed record SubscriptionCount(string Subscription, long Active, long DeadLettered);
