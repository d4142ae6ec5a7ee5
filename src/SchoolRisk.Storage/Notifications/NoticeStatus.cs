namespace SchoolRisk.Storage.Notifications;

/// <summary>How a notice's delivery stands, as the notifications table's <c>Status</c> column says it.</summary>
public static class NoticeStatus
{
    /// <summary>Recorded, not yet delivered.</summary>
    public const string Recorded = "Recorded";

    /// <summary>Every delivery sent.</summary>
    public const string Delivered = "Delivered";

    /// <summary>
    /// A transient failure (a server down, a timeout, a 4xx SMTP reply, a webhook's 408/429/5xx): the queue retries the
    /// notice, and after its last delivery keeps it in the poison queue; <c>Reason</c> says why.
    /// </summary>
    public const string Retrying = "Retrying";

    /// <summary>
    /// A permanent failure that someone must fix (an address, the recipients directory, the relay's certificate or
    /// credentials): handled, not retried, not in any poison queue; <c>Reason</c> says why and what to fix.
    /// <c>schoolrisk notices replay --failed</c> sends it again.
    /// </summary>
    public const string Failed = "Failed";
}
