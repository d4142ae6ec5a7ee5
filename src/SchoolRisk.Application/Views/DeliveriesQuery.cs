using SchoolRisk.Application.Messaging;
using SchoolRisk.Application.Notices;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Notifications;

namespace SchoolRisk.Application.Views;

/// <summary>
/// The committee's view of deliveries (<c>Deliveries</c>): a period's notices with how their delivery stands, each
/// delivery per channel and address with its status, attempts and the reason of a failure (<see cref="NoticeLedger"/>,
/// what <c>schoolrisk notices list</c> prints), and what waits in the poison queues (<see cref="PoisonQueues"/>, of every
/// period). Only the committee's key (or the master key) sees it.
/// </summary>
public sealed class DeliveriesQuery(NoticeLedger ledger, PoisonQueues poison)
{
    /// <param name="scope">What the caller may see: only the committee.</param>
    /// <param name="period">The school year, like <c>2023-2024</c>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The view (a period without notices: an empty list), or why not: forbidden (not the committee), not a period.</returns>
    public async Task<ViewAnswer<DeliveriesView>> GetAsync(AccessScope scope, string? period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.Committee)
        {
            return ViewAnswer.NotCommittee<DeliveriesView>();
        }

        if (!Period.TryParse(period, out var parsed))
        {
            return ViewAnswer.NotAPeriod<DeliveriesView>(period);
        }

        var notices = await ledger.ReadAsync(parsed, cancellationToken);
        var rows = notices.Notices
            .OrderByDescending(notice => notice.StatusAt ?? notice.RecordedAt ?? DateTimeOffset.MinValue)
            .Select(notice => NoticeDeliveryView.Of(notice, notices.Of(notice.NoticeId)))
            .ToList();
        return ViewAnswer.Found(new DeliveriesView(
            parsed.ToString(),
            rows,
            rows.Count(row => row.Status == NoticeStatus.Failed),
            rows.Count(row => row.Status == NoticeStatus.Retrying),
            await poison.ListAsync(cancellationToken)));
    }
}
