using SchoolRisk.Application.Recommendations;
using SchoolRisk.Application.Rules;
using SchoolRisk.Application.Support;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Notices.Notes;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Support;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Storage.Municipalities;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Reports;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Support;

namespace SchoolRisk.Application.Notes;

/// <summary>
/// Writes every municipality's analytical note (<see cref="AnalyticalNote"/>) of a period from what is stored: its
/// schools' zones and low results, their findings under the active rules (the rules the recalculation wrote them with),
/// each school's zone a period before, the municipality's zone and the region's counts, the recommendations (with the
/// support decided in the period), and the effect of the support its schools got one and two periods before
/// (<see cref="SupportEffectQuery"/>). Apart from the recalculation, so
/// that the results, summaries and notices users wait for are not held up by thousands of notes, and skipped when a
/// later recalculation has completed (its own request writes them).
/// </summary>
public sealed class AnalyticalNoteWriter(
    ResultTable results, MunicipalityTable municipalities, RuleSetProvider rules, RecalculationLock locks, ReportBlobs reports, RecipientListBlob recipients,
    SupportEffectQuery effects, SupportDecisionTable decisions)
{
    /// <summary>Notes written at once.</summary>
    private const int NotesAtOnce = 8;

    /// <returns>What was done.</returns>
    public async Task<string> WriteAsync(Period period, DateTimeOffset recalculationStartedAt, CancellationToken cancellationToken)
    {
        if (await locks.LastStartedAsync(period, cancellationToken) is { } last && last > recalculationStartedAt)
        {
            return $"Notes of {period}: the recalculation that started at {last:O} writes them.";
        }

        var ruleSet = await rules.GetAsync(cancellationToken);
        var storedRead = results.ListAsync(period, cancellationToken).ToListAsync(cancellationToken).AsTask();
        var beforeRead = results.ZonesAsync(period.Previous, null, cancellationToken);
        var zonesRead = municipalities.ListAsync(period, cancellationToken)
            .ToDictionaryAsync(summary => summary.MunicipalityId, cancellationToken: cancellationToken).AsTask();
        var namesRead = recipients.LoadAsync(cancellationToken);
        var effectsRead = effects.ReportedInAsync(period, cancellationToken);
        var supportRead = decisions.ListAsync(period, cancellationToken);
        await Task.WhenAll(storedRead, beforeRead, zonesRead, namesRead, effectsRead, supportRead);
        var (stored, before, zones, names, supportEffects) = (await storedRead, await beforeRead, await zonesRead, await namesRead, await effectsRead);
        var support = new DecidedSupport(await supportRead);

        var evaluator = new SchoolEvaluator(ruleSet, OverallZonePolicy.Default);
        var region = ZoneCounts.Of(stored.Select(school => school.OverallZone));
        var options = new ParallelOptions { MaxDegreeOfParallelism = NotesAtOnce, CancellationToken = cancellationToken };
        var municipalitiesOfPeriod = stored.GroupBy(school => school.MunicipalityId).ToList();
        await Parallel.ForEachAsync(municipalitiesOfPeriod, options, async (municipality, token) =>
        {
            var summary = zones.GetValueOrDefault(municipality.Key);
            var schools = new List<NoteSchool>();
            foreach (var school in municipality)
            {
                schools.Add(await NoteSchoolOfAsync(school, before, evaluator, summary?.RubricZone ?? Zone.None, ruleSet, support));
            }

            await reports.WriteNoteAsync(period, municipality.Key, AnalyticalNote.Compose(
                period, names.NameOf(municipality.Key.ToString()), summary?.Zone ?? Zone.None, ruleSet.Version, schools, region, ruleSet.RiskGroup,
                supportEffects(school => school.MunicipalityId == municipality.Key)), token);
        });
        return $"Notes of {period}: {municipalitiesOfPeriod.Count} written by rule set {ruleSet.Version}.";
    }

    private static async Task<NoteSchool> NoteSchoolOfAsync(
        StoredResult school, IReadOnlyDictionary<SchoolId, Zone> before, SchoolEvaluator evaluator, Zone rubricZone, RuleSet ruleSet, DecidedSupport support)
    {
        var evaluation = evaluator.EvaluateMarkingFailures(new SchoolRow(0, school.SchoolId, school.SchoolName, school.Values));
        var findings = evaluation.Findings;
        return new NoteSchool(
            school.SchoolId, school.SchoolName, school.OverallZone, before.TryGetValue(school.SchoolId, out var zone) ? zone : null, findings, school.Classification.LowResults)
        {
            Reasons = OverallZonePolicy.Default.ReasonsFor(findings.Select(finding => finding.Zone), school.Classification),
            RiskGroup = school.Classification.RiskGroup,
            Recommendations = await ruleSet.RecommendAsync(school, rubricZone, support),
        };
    }
}
