namespace SchoolRisk.Domain.Notices.Deliveries;

/// <summary>How a notice (or the committee's digest) ends after one attempt at its deliveries (<see cref="DeliveryPolicy.Resolve"/>).</summary>
public enum NoticeResolution
{
    /// <summary>Every delivery sent, now or before.</summary>
    Delivered,

    /// <summary>A transient failure remains: the invocation fails, so the queue delivers the message again (and after its last delivery keeps it in the poison queue).</summary>
    Retry,

    /// <summary>Only permanent failures remain: handled, the message completes; a person fixes the cause and replays it.</summary>
    GiveUp,
}
