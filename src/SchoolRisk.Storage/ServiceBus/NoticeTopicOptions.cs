namespace SchoolRisk.Storage.ServiceBus;

/// <summary>
/// The Service Bus topic notices are published to (<see cref="NoticeTopic"/>) and the settings of the subscriptions
/// the product creates on it: configuration section <c>NoticeTopic</c>; the connection is <c>ServiceBus</c>
/// (<see cref="ServiceBusRegistration"/>). The defaults are Service Bus's own, except where a reason is given.
/// </summary>
public sealed class NoticeTopicOptions
{
    /// <summary>The topic; <c>infra/main.bicep</c> creates it with duplicate detection on. Default <c>risk-notices</c>.</summary>
    public string Topic { get; set; } = "risk-notices";

    /// <summary>How long a receiver holds a message before another may have it. Default 1 minute (Service Bus's default).</summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Deliveries of a message before Service Bus moves it to the subscription's dead-letter queue. Default 10 (Service Bus's default).</summary>
    public int MaxDeliveryCount { get; set; } = 10;
}
