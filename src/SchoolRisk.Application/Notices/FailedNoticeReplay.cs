using SchoolRisk.Application.Digest;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Notifications;

namespace SchoolRisk.Application.Notices;

/// <summary>
/// Sends again what failed permanently, once its cause is fixed: every notice recorded <see cref="NoticeStatus.Failed"/>
/// goes back on <c>risk-notifications</c> as the <see cref="NoticeMessage"/> of its blob, kept in the notices container;
/// a failed digest becomes a new digest request of its period, made at once (the digest of the region as it is now: the
/// same digest when nothing changed). Deliveries already sent are skipped by their dedupe keys, so only what failed goes
/// out, with fresh report links. <c>schoolrisk notices replay --failed</c> and the committee's page
/// (<see cref="DeliveryReplay"/>) both call it.
/// </summary>
public sealed class FailedNoticeReplay(StorageAccount account, TimeProvider time)
{
    /// <summary>Queues the failed notices of <paramref name="period"/> (every period when <c>null</c>); returns how many notices and digest requests it queued.</summary>
    public async Task<int> ReplayAsync(Period? period, CancellationToken cancellationToken = default)
    {
        var queue = account.Queues.GetQueueClient(QueueNames.RiskNotifications);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var queued = 0;
        var digests = new HashSet<Period>();
        await foreach (var notice in new NotificationTable(account, time).ListFailedAsync(period, cancellationToken))
        {
            if (notice.Kind == NoticeKind.Digest)
            {
                digests.Add(notice.Period);
                continue;
            }

            var message = new NoticeMessage(notice.NoticeId, notice.MunicipalityId, notice.Period, NoticeBlobs.BlobName(notice.Period, notice.MunicipalityId, notice.NoticeId));
            await queue.SendMessageAsync(MessageJson.Serialize(message), cancellationToken);
            queued++;
        }

        var scheduler = new DigestScheduler(new DigestSchedule(account, QueueNames.DigestRequests), time);
        foreach (var digestPeriod in digests)
        {
            await scheduler.RequestAsync(digestPeriod, TimeSpan.Zero, cancellationToken);
            queued++;
        }

        return queued;
    }
}
