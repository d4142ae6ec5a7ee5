using SchoolRisk.Application.Rules;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Notices.Notes;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Storage.Municipalities;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Reports;
using SchoolRisk.Storage.Results;

namespace SchoolRisk.Application.Notes;

/// <summary>
/// Writes every municipality's analytical note (<see cref="AnalyticalNote"/>) of a period from what is stored: its
/// schools' zones and low results, their findings under the active rules (the rules the recalculation wrote them with),
/// each school's zone a period before, the municipality's zone and the region's counts. Apart from the recalculation, so
/// that the results, summaries and notices users wait for are not held up by thousands of notes, and skipped when a
/// later recalculation has completed (its own request writes them).
/// </summary>
public sealed class AnalyticalNoteWriter(
    ResultTable results, MunicipalityTable municipalities, RuleSetProvider rules, RecalculationLock locks, ReportStore reports, RecipientStore recipients)
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
            .ToDictionaryAsync(summary => summary.MunicipalityId, summary => summary.Zone, cancellationToken: cancellationToken).AsTask();
        var namesRead = recipients.LoadAsync(cancellationToken);
        await Task.WhenAll(storedRead, beforeRead, zonesRead, namesRead);
        var (stored, before, zones, names) = (await storedRead, await beforeRead, await zonesRead, await namesRead);

        var evaluator = new SchoolEvaluator(ruleSet, OverallZonePolicy.Default);
        var region = ZoneCounts.Of(stored.Select(school => school.OverallZone));
        var options = new ParallelOptions { MaxDegreeOfParallelism = NotesAtOnce, CancellationToken = cancellationToken };
        var municipalitiesOfPeriod = stored.GroupBy(school => school.MunicipalityId).ToList();
        await Parallel.ForEachAsync(municipalitiesOfPeriod, options, async (municipality, token) =>
            await reports.WriteNoteAsync(period, municipality.Key, AnalyticalNote.Compose(
                period, names.NameOf(municipality.Key.ToString()), zones.GetValueOrDefault(municipality.Key, Zone.None), ruleSet.Version,
                [.. municipality.Select(school => NoteSchoolOf(school, before, evaluator))],
                region, ruleSet.RiskGroup), token));
        return $"Notes of {period}: {municipalitiesOfPeriod.Count} written by rule set {ruleSet.Version}.";
    }

    private static NoteSchool NoteSchoolOf(StoredResult school, IReadOnlyDictionary<SchoolId, Zone> before, SchoolEvaluator evaluator)
    {
        var findings = evaluator.EvaluateMarkingFailures(new SchoolRow(0, school.SchoolId, school.SchoolName, school.Values)).Findings;
        return new NoteSchool(
            school.SchoolId, school.SchoolName, school.OverallZone, before.TryGetValue(school.SchoolId, out var zone) ? zone : null, findings, school.Classification.LowResults)
        {
            Reasons = OverallZonePolicy.Default.ReasonsFor(findings.Select(finding => finding.Zone), school.Classification),
            RiskGroup = school.Classification.RiskGroup,
        };
    }
}
