namespace SchoolRisk.Domain.Notices.Deliveries;

public enum DeliveryChannel
{
    /// <summary>A letter over SMTP: HTML with a plain-text alternative.</summary>
    Email,

    /// <summary>A signed JSON POST to the recipient's URL.</summary>
    Webhook,

    /// <summary>
    /// A message on the notices topic of Azure Service Bus, which the recipient's subscription receives
    /// (<see cref="NoticeSubscription"/>): for a municipality's own systems, not a person's mailbox.
    /// </summary>
    ServiceBus,
}
