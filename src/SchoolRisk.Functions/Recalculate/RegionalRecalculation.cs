using SchoolRisk.Domain.Assessment;
using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Functions.Rules;
using SchoolRisk.Storage.Municipalities;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Results;

namespace SchoolRisk.Functions.Recalculate;

/// <summary>
/// Recomputes a period for the whole region: re-evaluates every stored school's values with the current rules,
/// computes the regional distribution from all of them, classifies every school against it, makes the integrated
/// assessment (ranks need the whole region), and rewrites results and municipal indicators. Each upload classifies its schools against the region as stored at that moment; this makes
/// the period consistent once all municipalities have uploaded. A municipality changed meanwhile by an upload is left
/// to that upload's own recalculation.
/// </summary>
public sealed class RegionalRecalculation(
    ResultTable results,
    MunicipalityTable municipalities,
    RegistryStore registry,
    RuleSetProvider rules,
    ILogger<RegionalRecalculation> logger)
{
    public async Task<string> RunAsync(Period period, CancellationToken cancellationToken)
    {
        var ruleSet = await rules.GetAsync(cancellationToken);
        var evaluator = new SchoolEvaluator(ruleSet, OverallZonePolicy.Default);
        var classifier = new SchoolClassifier(ruleSet, OverallZonePolicy.Default);
        var stored = await results.ListAsync(period, cancellationToken).ToListAsync(cancellationToken);
        var registered = await registry.LoadAsync(cancellationToken);
        var lowBefore = await results.LowResultsAsync(period.Previous, null, cancellationToken);

        var evaluated = new List<(StoredResult Stored, SchoolEvaluation Evaluation)>(stored.Count);
        foreach (var result in stored)
        {
            evaluated.Add((result, await evaluator.EvaluateAsync(new SchoolRow(0, result.SchoolId, result.SchoolName, result.Values), cancellationToken)));
        }

        var region = RegionalDistribution.Of([.. stored.Select(result => result.Values)]);
        var assessments = ruleSet.Assessment is { } settings
            ? IntegratedAssessment.Assess(settings, [.. stored.Select(result => (result.SchoolId, registered.Find(result.SchoolId)?.Level ?? "secondary", result.Values))], region)
            : new Dictionary<string, SchoolAssessment>();
        var written = 0;
        var skipped = new List<string>();
        foreach (var municipality in evaluated.GroupBy(pair => (pair.Stored.MunicipalityId, pair.Stored.UploadId)))
        {
            var schools = new List<SchoolEvaluation>();
            foreach (var (result, evaluation) in municipality)
            {
                var classified = await classifier.ClassifyAsync(
                    evaluation, registered.Find(result.SchoolId), region, lowBefore.TryGetValue(result.SchoolId, out var low) ? low : null);
                schools.Add(classified with { Assessment = assessments.GetValueOrDefault(result.SchoolId) ?? SchoolAssessment.None });
            }

            var upload = new EvaluatedUpload(
                new UploadPath(period, municipality.Key.MunicipalityId, string.Empty), municipality.Key.UploadId, ruleSet.Version, schools);
            if (await results.ReplaceIfUnchangedAsync(upload, municipality.ToDictionary(pair => pair.Stored.SchoolId, pair => pair.Stored.ETag), cancellationToken))
            {
                await municipalities.UpdateAsync(
                    period, upload.Path.MunicipalityId, existing => MunicipalSummary.Of(upload) with { RubricZone = existing?.RubricZone ?? Zone.None }, cancellationToken);
                written++;
            }
            else
            {
                skipped.Add(municipality.Key.MunicipalityId);
            }
        }

        var outcome = $"Period {period} recalculated by rule set {ruleSet.Version}: {stored.Count} schools, " +
            $"{written} municipalities rewritten, {skipped.Count} changed meanwhile ({string.Join(", ", skipped)}).";
        logger.LogInformation("{Outcome}", outcome);
        return outcome;
    }
}
