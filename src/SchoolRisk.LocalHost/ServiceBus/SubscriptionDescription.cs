namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>What the broker keeps of a subscription: its lock duration, delivery limit and default rule.</summary>
/// <param name="Topic">The topic's name.</param>
/// <param name="Name">The subscription's name.</param>
/// <param name="LockDuration">How long a peek-lock holds a message; Service Bus's default is 60 s.</param>
/// <param name="MaxDeliveryCount">Deliveries after which a message goes to the dead-letter queue; Service Bus's default is 10.</param>
/// <param name="DeadLetteringOnMessageExpiration">Kept and shown, not acted on: messages never expire here.</param>
/// <param name="RuleName">The default rule's name (<c>$Default</c> unless the creator named it).</param>
/// <param name="Filter">The default rule's filter.</param>
/// <param name="FilterXml">The filter as the ATOM XML gave it, kept so that it reads back the same after a restart.</param>
/// <param name="CreatedAt">When the subscription was created.</param>
internal sealed record SubscriptionDescription(
    string Topic,
    string Name,
    TimeSpan LockDuration,
    int MaxDeliveryCount,
    bool DeadLetteringOnMessageExpiration,
    string RuleName,
    SubscriptionFilter Filter,
    string? FilterXml,
    DateTimeOffset CreatedAt)
{
    /// <summary>Service Bus's default lock duration: 60 seconds.</summary>
    public static readonly TimeSpan DefaultLockDuration = TimeSpan.FromSeconds(60);

    /// <summary>Service Bus's default maximum delivery count: 10.</summary>
    public const int DefaultMaxDeliveryCount = 10;

    /// <summary>The name Service Bus gives a subscription's default rule.</summary>
    public const string DefaultRuleName = "$Default";
}
