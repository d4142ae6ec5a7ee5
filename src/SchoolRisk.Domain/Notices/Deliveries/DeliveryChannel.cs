namespace SchoolRisk.Domain.Notices.Deliveries;

public enum DeliveryChannel
{
    /// <summary>A letter over SMTP: HTML with a plain-text alternative.</summary>
    Email,

    /// <summary>A signed JSON POST to the recipient's URL.</summary>
    Webhook,
}
