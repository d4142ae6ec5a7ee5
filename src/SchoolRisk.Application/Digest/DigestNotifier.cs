using SchoolRisk.Application.Messaging;
using SchoolRisk.Application.Notices;
using SchoolRisk.Application.Recommendations;
using SchoolRisk.Application.Rules;
using SchoolRisk.Application.Support;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Domain.Notices.Digest;
using SchoolRisk.Domain.Notices.Recipients;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Recommendations;
using SchoolRisk.Domain.Support;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Storage.Federal;
using SchoolRisk.Storage.Municipalities;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.ServiceBus;
using SchoolRisk.Storage.Support;

namespace SchoolRisk.Application.Digest;

/// <summary>
/// Builds and delivers the committee's digest of a period, the workflow behind <c>Digest</c>. A request overtaken by a
/// later one (<see cref="DigestSchedule"/>, or postponed by a recalculation that started) ends at once; otherwise the
/// region is read under the period's <see cref="RecalculationLock"/> (never half rewritten) and the digest is built from the stored results against
/// the period before (and beside the period's federal list, when the committee stored one, with the effect of the support
/// decided one and two periods before: <see cref="SupportEffectQuery"/>, and the measures the active recommendation rules
/// address to the committee: <see cref="StoredRecommendations"/>) and delivered to the committee's addresses and, when a Service Bus topic is configured, to the
/// committee's subscription (the digest is then also written to the notices container, for a message too large to carry
/// it: <see cref="NoticeBlobs.WriteDigestAsync"/>). Its key is a hash of its content, so the same state of the region is
/// delivered once however many requests reach it. Failures end as in <see cref="NoticeNotifier"/>: a
/// transient one asks for the request again (status <c>Retrying</c>; after the last delivery it waits in
/// <c>digest-requests-poison</c>), a permanent one is recorded <c>Failed</c> and the request completes;
/// <c>schoolrisk notices replay --failed</c> requests the digest again. Only a fault of storage throws.
/// </summary>
public sealed class DigestNotifier(
    DigestSchedule schedule, RecalculationLock locks, ResultTable results, MunicipalityTable municipalities, FederalListTable federal, SupportEffectQuery effects, SupportDecisionTable decisions,
    RuleSetProvider rules,
    RecipientListBlob recipients, NotificationTable notifications, NoticeBlobs notices, NoticeDeliverer deliverer, NoticeTopic? topic = null)
{
    /// <param name="period">The period to digest.</param>
    /// <param name="requestedAt">When the request was made (<see cref="DigestRequest.RequestedAt"/>).</param>
    /// <param name="cancellationToken">Cancels the digest; the request is then retried.</param>
    public async Task<MessageOutcome> DeliverAsync(Period period, DateTimeOffset requestedAt, CancellationToken cancellationToken)
    {
        var superseded = new MessageOutcome(false, $"Digest of {period} requested at {requestedAt:O}: a later request will make it.");
        if (!await schedule.IsLatestAsync(period, requestedAt, cancellationToken))
        {
            return superseded;
        }

        // The region is read under the period's recalculation lock, so never half rewritten; a recalculation that started
        // meanwhile postponed this request (PeriodRecalculation) and makes the digest of what it writes.
        List<StoredResult> stored;
        Dictionary<MunicipalityId, MunicipalSummary> summaries;
        await using (await locks.AcquireAsync(period, cancellationToken))
        {
            stored = await results.ListAsync(period, cancellationToken).ToListAsync(cancellationToken);
            summaries = await municipalities.ListAsync(period, cancellationToken).ToDictionaryAsync(summary => summary.MunicipalityId, cancellationToken: cancellationToken);
        }

        if (!await schedule.IsLatestAsync(period, requestedAt, cancellationToken))
        {
            return superseded;
        }

        if (stored.Count == 0)
        {
            return new MessageOutcome(false, $"Digest of {period}: no results yet.");
        }

        var federalList = (await federal.ReadAsync(period, cancellationToken))?.OnList.Select(school => school.Compared).ToList();
        var supportEffects = (await effects.ReportedInAsync(period, cancellationToken))(_ => true);
        var ruleSet = await rules.GetAsync(cancellationToken);
        var support = new DecidedSupport(await decisions.ListAsync(period, cancellationToken));
        var measures = new List<CommitteeMeasure>();
        foreach (var municipality in stored.GroupBy(result => result.MunicipalityId))
        {
            var rubricZone = summaries.GetValueOrDefault(municipality.Key)?.RubricZone ?? Zone.None;
            var recommended = new List<(StoredResult School, IReadOnlyList<Recommendation> Recommendations)>();
            foreach (var result in municipality)
            {
                recommended.Add((result, (await ruleSet.RecommendAsync(result, rubricZone, support)).Where(recommendation => recommendation.Addressee == Addressee.Committee).ToList()));
            }

            // A measure about the municipality as a whole once, without a school; every other with its school.
            measures.AddRange(recommended.Select(school => school.Recommendations).AboutTheMunicipality()
                .Select(recommendation => new CommitteeMeasure(municipality.Key, null, null, recommendation.Measure, recommendation.Reason)));
            measures.AddRange(recommended.SelectMany(school => school.Recommendations.AboutTheSchool()
                .Select(recommendation => new CommitteeMeasure(municipality.Key, school.School.SchoolId, school.School.SchoolName, recommendation.Measure, recommendation.Reason))));
        }

        var digest = RegionalDigest.Of(
            period, [.. stored.Select(SchoolOf)], [.. (await results.ListAsync(period.Previous, cancellationToken).ToListAsync(cancellationToken)).Select(SchoolOf)],
            summaries.ToDictionary(summary => summary.Key, summary => summary.Value.Zone), federalList, supportEffects, measures);
        await notifications.TryAddDigestAsync(digest, cancellationToken);
        RecipientDirectory directory;
        try
        {
            directory = await recipients.LoadAsync(cancellationToken);
        }
        catch (RecipientsUnusableException exception)
        {
            await notifications.SetStatusAsync(
                period, RecipientDirectory.CommitteeId, digest.Key, NoticeStatus.Failed,
                $"справочник адресатов не читается, сводка не отправлена: {exception.Message} {DeliveryOutcome.FailedNote}", cancellationToken);
            return new MessageOutcome(false, $"Digest {digest.Key}: the recipients directory is unreadable, digest failed: {exception.Message}");
        }

        IReadOnlyList<Delivery> planned = DeliveryPlan.ForDigest(digest, directory, topic?.Name);
        if (topic is not null)
        {
            // A digest of a large region is more than a Service Bus message carries: the message then links this blob.
            var blob = await notices.WriteDigestAsync(digest, cancellationToken);
            planned = [.. planned.Select(delivery => delivery with { DataBlob = blob })];
        }

        List<string> unaddressed = planned.Count > 0
            ? []
            : [$"{RecipientDirectory.Committee}: в справочнике адресатов (registry/recipients.csv) нет ни адреса почты, ни веб-хука комитета (строка с кодом committee), сводка не отправлена."];
        var outcome = await deliverer.DeliverAsync(period, planned, cancellationToken);
        var (status, reason) = outcome.NoticeStatus(unaddressed, QueueNames.DigestRequests);
        await notifications.SetStatusAsync(period, RecipientDirectory.CommitteeId, digest.Key, status, reason, cancellationToken);
        return new MessageOutcome(status == NoticeStatus.Retrying, $"Digest {digest.Key}: {status}; {outcome.Summary}{string.Concat(unaddressed.Select(text => $"; {text}"))}");
    }

    private static DigestSchool SchoolOf(StoredResult result) =>
        new(result.MunicipalityId, result.SchoolId, result.SchoolName, result.OverallZone, result.Classification.RiskGroup);
}
