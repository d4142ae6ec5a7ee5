using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SchoolRisk.Application.Notices;
using SchoolRisk.Application.Recommendations;
using SchoolRisk.Application.Rules;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Support;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Storage.Municipalities;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Support;

namespace SchoolRisk.Application.Recalculation;

/// <summary>
/// Recomputes a period for the whole region with the current rules (<see cref="PeriodEvaluator"/>) and rewrites results
/// and municipal indicators. One recalculation of a period runs at a time (<see cref="RecalculationLock"/>): two at once
/// would each skip what the other wrote, and the one that read older data could have the last word. A request made
/// before the last completed recalculation started is already covered and ends at once, so a burst of uploads costs a
/// few recalculations, not one each. Each upload classifies its schools against the region as stored at that moment; this makes
/// the period consistent once all municipalities have uploaded. A municipality changed meanwhile by an upload is left
/// to that upload's own recalculation. Schools stored under another rule set version whose zone the current one changes
/// were moved by the rules, not by their data: each rewritten municipality with such schools gets a
/// <see cref="NoticeKind.RulesChanged"/> notice, whichever recalculation (an activation's re-evaluation or the next
/// upload's) comes first; its id (period, municipality, version and the moment of its activation) makes it one notice
/// per activation: a rollback that moves zones back (A → B → A) is told again, saying from which version to which
/// (<see cref="ZoneChange.ByRules"/>, from the zone each row had before the rules: <see cref="Domain.Zones.PriorZone"/>). The notices leave only when the
/// recalculation completes (its output binding), so a recalculation killed half-way leaves rows moved and no notice:
/// each row keeps the zone it had before the rules (<see cref="StoredInput.ZoneBefore"/>) and is stamped with the start of
/// the recalculation that wrote it, and the next one to complete (the retry or a later request) queues the whole notice
/// of every municipality with rows moved now or written by a recalculation that never completed. The analytical notes are written
/// apart (<see cref="Notes.AnalyticalNoteWriter"/>), from what this leaves. The period is read once (the
/// summaries alongside), evaluated on every core, then written several municipalities at a time; a summary that does
/// not change is not written. The values read are kept as the region's snapshot (<see cref="RegionSnapshotBlobs"/>)
/// that the next uploads classify against.
/// </summary>
public sealed class RegionalRecalculation(
    ResultTable results,
    RegionSnapshotBlobs snapshots,
    MunicipalityTable municipalities,
    PeriodEvaluator periods,
    RuleSetProvider rules,
    RecalculationLock locks,
    NoticeBlobs notices,
    SupportDecisionTable decisions,
    TimeProvider time,
    ILogger<RegionalRecalculation> logger)
{
    /// <summary>
    /// Municipalities written at once. Each is its own partition, so Table storage serves them side by side, and one
    /// municipality's result transaction overlaps another's summary and notice.
    /// </summary>
    private const int MunicipalitiesAtOnce = 8;

    /// <param name="period">The period to recompute.</param>
    /// <param name="ruleSetVersion">The version to use at least (an activation's own, which an instance that has not yet noticed it loads first); <c>null</c>: the active one.</param>
    /// <param name="requestedAt">When the request was made: a recalculation that completed having started later covers it; <c>null</c>: always run.</param>
    /// <param name="cancellationToken">Cancels the recalculation; what it wrote stays consistent and the next one completes it.</param>
    public async Task<RecalculationOutcome> RunAsync(
        Period period, RuleSetVersion? ruleSetVersion, DateTimeOffset? requestedAt, CancellationToken cancellationToken)
    {
        await using var held = await locks.AcquireAsync(period, cancellationToken);
        var lastCompleted = await held.LastStartedAsync(cancellationToken);
        if (requestedAt is { } asked && lastCompleted is { } last && last > asked)
        {
            return new RecalculationOutcome(period, $"Period {period}: the recalculation that started at {last:O} covers this request of {asked:O}.", [], null);
        }

        var startedAt = time.GetUtcNow();
        var active = await rules.GetActiveAsync(cancellationToken);
        if (ruleSetVersion is { } wanted && active.RuleSet.Version != wanted)
        {
            active = await rules.RefreshActiveAsync(cancellationToken);
        }

        var ruleSet = active.RuleSet;

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Period"] = period.ToString(), ["RuleSetVersion"] = ruleSet.Version.ToString() });
        var evaluation = periods.EvaluateAsync(period, ruleSet, cancellationToken);
        var summariesRead = municipalities.SnapshotAsync(period, cancellationToken);
        var supportRead = decisions.ListAsync(period, cancellationToken);
        await Task.WhenAll(evaluation, summariesRead, supportRead);
        var (periodEvaluation, summaries, support) = (await evaluation, await summariesRead, new DecidedSupport(await supportRead));
        var evaluated = periodEvaluation.Schools;
        var failures = periodEvaluation.Failures;
        if (failures.Count > 0)
        {
            // The active version passed this check on the latest period when it was activated; data of another period, or
            // an upload since, can still make a rule throw: what it decides is left not evaluated there, and said here.
            logger.LogWarning(
                "Rule set {RuleSetVersion} could not evaluate everything of {Period}: {Problems}",
                ruleSet.Version.ToString(), period.ToString(), string.Join(" | ", RuleFailures.ForAdministrator(failures, $"данных за {period}", new Dictionary<string, string>())));
        }

        var skipped = new ConcurrentBag<MunicipalityId>();
        var queued = new ConcurrentBag<NoticeMessage>();
        var written = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = MunicipalitiesAtOnce, CancellationToken = cancellationToken };
        var snapshot = snapshots.WriteAsync(period, evaluated.Select(pair => new SchoolValues(pair.Stored.MunicipalityId, pair.Stored.Values)), cancellationToken);
        var writing = Parallel.ForEachAsync(evaluated.GroupBy(pair => (pair.Stored.MunicipalityId, pair.Stored.UploadId)), options, async (municipality, token) =>
        {
            var (municipalityId, uploadId) = municipality.Key;
            var upload = new EvaluatedUpload(
                new UploadPath(period, municipalityId, string.Empty), uploadId, ruleSet.Version, [.. municipality.Select(pair => pair.Evaluation)]);
            if (!await results.ReplaceIfUnchangedAsync(upload, municipality.ToDictionary(pair => pair.Stored.SchoolId, pair => pair.Stored), startedAt, token))
            {
                skipped.Add(municipalityId);
                return;
            }

            Interlocked.Increment(ref written);
            var changes = municipality.Select(pair => ZoneChange.ByRules(municipalityId, pair.Stored.ZoneBefore(ruleSet.Version), pair.Evaluation)).OfType<ZoneChange>().ToList();
            var due = municipality.Any(pair => pair.Stored.RuleSetVersion != ruleSet.Version || pair.Stored.EvaluatedAt > (lastCompleted ?? DateTimeOffset.MinValue));
            var notice = due && MunicipalityNotice.RulesChanged(period, municipalityId, uploadId, ruleSet.Version, active.ActivatedAt, changes) is { } changed
                ? QueueAsync(
                    (await ruleSet.RecommendingAsync(
                        changed, municipality.ToDictionary(pair => pair.Stored.SchoolId, pair => pair.Evaluation), summaries.GetValueOrDefault(municipalityId)?.Summary.RubricZone ?? Zone.None, support))!,
                    queued,
                    token)
                : Task.CompletedTask;
            await municipalities.UpdateAsync(
                period, municipalityId, existing => MunicipalSummary.Of(upload).KeepingRubricsOf(existing), summaries.GetValueOrDefault(municipalityId), token);
            await notice;
        });
        await Task.WhenAll(snapshot, writing);

        var outcome = $"Period {period} recalculated by rule set {ruleSet.Version}: {evaluated.Count} schools, " +
            $"{written} municipalities rewritten, {skipped.Count} changed meanwhile ({string.Join(", ", skipped.Order())}), {queued.Count} rules-changed notices, " +
            $"{failures.Count} rule failures (left not evaluated).";
        await held.CompletedAsync(startedAt, cancellationToken);
        logger.LogInformation("{Outcome}", outcome);
        return new RecalculationOutcome(period, outcome, [.. queued.OrderBy(message => message.MunicipalityId)], startedAt);
    }

    private async Task QueueAsync(MunicipalityNotice notice, ConcurrentBag<NoticeMessage> queued, CancellationToken cancellationToken)
    {
        queued.Add(NoticeMessage.Of(notice, await notices.WriteAsync(notice, cancellationToken)));
        logger.LogInformation(
            "Rules-changed notice {NoticeId} for {MunicipalityId} (data of upload {UploadId}): rule set {RuleSetVersion} moved {Moved} schools",
            notice.NoticeId, notice.MunicipalityId.ToString(), notice.UploadId, notice.RuleSetVersion?.ToString(), notice.ZoneChanges.Count);
    }
}
