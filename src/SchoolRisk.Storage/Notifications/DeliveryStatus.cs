namespace SchoolRisk.Storage.Notifications;

public enum DeliveryStatus
{
    /// <summary>Accepted by the SMTP server or the webhook: never sent again.</summary>
    Sent,

    /// <summary>A transient failure (server down, timeout): the notice's message is retried.</summary>
    Retrying,

    /// <summary>A permanent failure (address refused, webhook answered 4xx): the message went to the poison queue; a replay tries again.</summary>
    Failed,
}
