namespace SchoolRisk.Domain.Notices.Deliveries;

/// <summary>How one delivery stands in the deliveries log (<see cref="DeliveryPolicy"/> decides it).</summary>
public enum DeliveryStatus
{
    /// <summary>Accepted by the SMTP server or the webhook: never sent again.</summary>
    Sent,

    /// <summary>A transient failure (server down, timeout, SMTP 4xx, webhook 408/429/5xx): the notice's message is retried.</summary>
    Retrying,

    /// <summary>
    /// A permanent failure (an address refused, a redirecting webhook, an untrusted relay certificate): not retried;
    /// <c>schoolrisk notices replay --failed</c> tries it again once fixed.
    /// </summary>
    Failed,
}
