using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Notifications;

namespace SchoolRisk.Application.Notices;

/// <summary>
/// A period's notices and every delivery made for them (<see cref="PeriodNotices"/>), as <c>schoolrisk notices list</c>
/// prints them and the committee's page shows them (<c>Deliveries</c>): the notices table says how each notice's delivery
/// ended and why, the deliveries table each letter, webhook call and Service Bus message, per address.
/// </summary>
public sealed class NoticeLedger(NotificationTable notifications, DeliveryTable deliveries)
{
    /// <summary>Reads the notices and deliveries of <paramref name="period"/>, region-wide (none yet: empty lists).</summary>
    public async Task<PeriodNotices> ReadAsync(Period period, CancellationToken cancellationToken = default) =>
        new(
            period,
            await notifications.ListAsync(period, cancellationToken).ToListAsync(cancellationToken),
            await deliveries.ListAsync(period, cancellationToken).ToListAsync(cancellationToken));
}
