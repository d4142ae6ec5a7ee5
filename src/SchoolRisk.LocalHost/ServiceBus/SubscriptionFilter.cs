using Amqp;

namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>
/// A subscription's rule filter, the part of Service Bus filtering this broker plays: every message
/// (<see cref="TrueFilter"/>, also <c>SqlRuleFilter("1=1")</c>), none (<see cref="FalseFilter"/>), or a
/// <see cref="CorrelationFilter"/>. Any other SQL expression is refused when the subscription is created.
/// </summary>
internal abstract record SubscriptionFilter
{
    /// <summary>Whether a message sent to the topic goes to the subscription.</summary>
    public abstract bool Matches(Message message);
}

/// <summary>Takes every message: Service Bus's default rule (<c>$Default</c>, <c>1=1</c>).</summary>
internal sealed record TrueFilter : SubscriptionFilter
{
    public override bool Matches(Message message) => true;
}

/// <summary>Takes no message (<c>1=0</c>).</summary>
internal sealed record FalseFilter : SubscriptionFilter
{
    public override bool Matches(Message message) => false;
}
