using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Notifications;

namespace SchoolRisk.Application.Notices;

/// <summary>
/// The notices of <see cref="Period"/> (<see cref="Notices"/>, in the table's order) and the deliveries made for them
/// (<see cref="Deliveries"/>); <see cref="Undelivered"/> picks what still needs someone's attention.
/// </summary>
public sealed record PeriodNotices(Period Period, IReadOnlyList<RecordedNotice> Notices, IReadOnlyList<DeliveryRecord> Deliveries)
{
    /// <summary>
    /// The deliveries that did not go out (<c>Retrying</c> or <c>Failed</c>) of notices not <c>Delivered</c>: a delivered
    /// notice's failed deliveries are history (an address since corrected in the directory, then replayed).
    /// </summary>
    public IEnumerable<DeliveryRecord> Undelivered
    {
        get
        {
            var delivered = Notices.Where(notice => notice.Status == NoticeStatus.Delivered).Select(notice => notice.NoticeId).ToHashSet(StringComparer.Ordinal);
            return Deliveries.Where(delivery => delivery.Status != DeliveryStatus.Sent && !delivered.Contains(delivery.NoticeId));
        }
    }

    /// <summary>The deliveries made for <paramref name="noticeId"/> (its letters, webhooks, topic messages, the committee's alerts).</summary>
    public IEnumerable<DeliveryRecord> Of(string noticeId) => Deliveries.Where(delivery => delivery.NoticeId == noticeId);
}
