namespace SchoolRisk.Storage.Notifications;

/// <summary>How a notice's delivery stands, as the notifications table's <c>Status</c> column says it.</summary>
public static class NoticeStatus
{
    /// <summary>Recorded, not yet delivered.</summary>
    public const string Recorded = "Recorded";

    /// <summary>Every delivery sent.</summary>
    public const string Delivered = "Delivered";

    /// <summary>A transient failure: the queue retries the notice.</summary>
    public const string Retrying = "Retrying";

    /// <summary>A permanent failure: the notice is in the poison queue; <c>Reason</c> says why.</summary>
    public const string Failed = "Failed";
}
