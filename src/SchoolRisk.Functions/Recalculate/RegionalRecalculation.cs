using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Notices.Notes;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Functions.Rules;
using SchoolRisk.Storage.Municipalities;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Reports;
using SchoolRisk.Storage.Results;

namespace SchoolRisk.Functions.Recalculate;

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
/// upload's) comes first; its id (period, municipality, version) makes it one notice. Each rewritten municipality's
/// analytical note (<see cref="AnalyticalNote"/>) is written anew, against the region as it now stands.
/// </summary>
public sealed class RegionalRecalculation(
    ResultTable results,
    MunicipalityTable municipalities,
    PeriodEvaluator periods,
    RuleSetProvider rules,
    RecalculationLock locks,
    ReportStore reports,
    RecipientStore recipients,
    TimeProvider time,
    ILogger<RegionalRecalculation> logger)
{
    public async Task<(string Outcome, IReadOnlyList<MunicipalityNotice> Notices)> RunAsync(
        Period period, string? ruleSetVersion, DateTimeOffset? requestedAt, CancellationToken cancellationToken)
    {
        await using var held = await locks.AcquireAsync(period, cancellationToken);
        if (requestedAt is { } asked && await held.LastStartedAsync(cancellationToken) is { } last && last > asked)
        {
            return ($"Period {period}: the recalculation that started at {last:O} covers this request of {asked:O}.", []);
        }

        var startedAt = time.GetUtcNow();
        var ruleSet = await rules.GetAsync(cancellationToken);
        if (ruleSetVersion is not null && ruleSet.Version != ruleSetVersion)
        {
            ruleSet = await rules.RefreshAsync(cancellationToken);
        }

        var evaluated = await periods.EvaluateAsync(period, ruleSet, cancellationToken);
        var before = await results.ZonesAsync(period.Previous, null, cancellationToken);
        var region = ZoneCounts.Of(evaluated.Select(pair => pair.Evaluation.OverallZone));
        var names = await recipients.LoadAsync(cancellationToken);
        var written = 0;
        var skipped = new List<string>();
        var notices = new List<MunicipalityNotice>();
        foreach (var municipality in evaluated.GroupBy(pair => (pair.Stored.MunicipalityId, pair.Stored.UploadId)))
        {
            var upload = new EvaluatedUpload(
                new UploadPath(period, municipality.Key.MunicipalityId, string.Empty), municipality.Key.UploadId, ruleSet.Version,
                [.. municipality.Select(pair => pair.Evaluation)]);
            if (await results.ReplaceIfUnchangedAsync(upload, municipality.ToDictionary(pair => pair.Stored.SchoolId, pair => pair.Stored.ETag), cancellationToken))
            {
                var summary = await municipalities.UpdateAsync(
                    period, upload.Path.MunicipalityId, existing => MunicipalSummary.Of(upload).KeepingRubricsOf(existing), cancellationToken);
                await reports.WriteNoteAsync(period, summary.MunicipalityId, AnalyticalNote.Compose(
                    period, names.NameOf(summary.MunicipalityId), summary.Zone, ruleSet.Version,
                    [.. municipality.Select(pair => new NoteSchool(
                        pair.Evaluation.School.SchoolId, pair.Evaluation.School.SchoolName, pair.Evaluation.OverallZone,
                        before.TryGetValue(pair.Evaluation.School.SchoolId, out var zone) ? zone : null, pair.Evaluation.Findings, pair.Evaluation.Classification.LowResults))],
                    region), cancellationToken);
                written++;
                var changes = municipality
                    .Where(pair => pair.Stored.RuleSetVersion != ruleSet.Version && pair.Stored.OverallZone != pair.Evaluation.OverallZone)
                    .Select(pair => new SchoolZoneChange(pair.Stored.SchoolId, pair.Stored.SchoolName, pair.Stored.OverallZone, pair.Evaluation.OverallZone, pair.Evaluation.Findings))
                    .ToList();
                if (MunicipalityNotice.RulesChanged(period, municipality.Key.MunicipalityId, municipality.Key.UploadId, ruleSet.Version, changes) is { } notice)
                {
                    notices.Add(notice);
                }
            }
            else
            {
                skipped.Add(municipality.Key.MunicipalityId);
            }
        }

        var outcome = $"Period {period} recalculated by rule set {ruleSet.Version}: {evaluated.Count} schools, " +
            $"{written} municipalities rewritten, {skipped.Count} changed meanwhile ({string.Join(", ", skipped)}).";
        await held.CompletedAsync(startedAt, cancellationToken);
        logger.LogInformation("{Outcome}", outcome);
        return (outcome, notices);
    }
}
