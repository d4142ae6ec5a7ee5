using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Functions.Rules;
using SchoolRisk.Storage.Municipalities;
using SchoolRisk.Storage.Results;

namespace SchoolRisk.Functions.Recalculate;

/// <summary>
/// Recomputes a period for the whole region with the current rules (<see cref="PeriodEvaluator"/>) and rewrites results
/// and municipal indicators. Each upload classifies its schools against the region as stored at that moment; this makes
/// the period consistent once all municipalities have uploaded. A municipality changed meanwhile by an upload is left
/// to that upload's own recalculation.
/// </summary>
public sealed class RegionalRecalculation(
    ResultTable results,
    MunicipalityTable municipalities,
    PeriodEvaluator periods,
    RuleSetProvider rules,
    ILogger<RegionalRecalculation> logger)
{
    public async Task<string> RunAsync(Period period, string? ruleSetVersion, CancellationToken cancellationToken)
    {
        var ruleSet = await rules.GetAsync(cancellationToken);
        if (ruleSetVersion is not null && ruleSet.Version != ruleSetVersion)
        {
            ruleSet = await rules.RefreshAsync(cancellationToken);
        }

        var evaluated = await periods.EvaluateAsync(period, ruleSet, cancellationToken);
        var written = 0;
        var skipped = new List<string>();
        foreach (var municipality in evaluated.GroupBy(pair => (pair.Stored.MunicipalityId, pair.Stored.UploadId)))
        {
            var upload = new EvaluatedUpload(
                new UploadPath(period, municipality.Key.MunicipalityId, string.Empty), municipality.Key.UploadId, ruleSet.Version,
                [.. municipality.Select(pair => pair.Evaluation)]);
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

        var outcome = $"Period {period} recalculated by rule set {ruleSet.Version}: {evaluated.Count} schools, " +
            $"{written} municipalities rewritten, {skipped.Count} changed meanwhile ({string.Join(", ", skipped)}).";
        logger.LogInformation("{Outcome}", outcome);
        return outcome;
    }
}
