using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Functions.Recalculate;
using SchoolRisk.Storage.Results;

namespace SchoolRisk.Functions.Rules;

/// <summary>What-if: evaluates a candidate rule set against a stored period, writing nothing, and lists the schools whose overall zone would change.</summary>
public sealed class RulePreview(PeriodEvaluator periods)
{
    /// <summary>Validates the candidate files as an activation would; if they pass, compares them against the period.</summary>
    public async Task<RulePreviewResult> PreviewAsync(Period period, IReadOnlyList<RuleFile> candidate, CancellationToken cancellationToken = default)
    {
        var validation = await RuleSetValidation.ValidateAsync(candidate, cancellationToken);
        if (!validation.IsValid)
        {
            return new RulePreviewResult(period, null, validation.Problems, 0, []);
        }

        var evaluated = await periods.EvaluateAsync(period, validation.RuleSet!, cancellationToken);
        return new RulePreviewResult(period, validation.RuleSet!.Version, [], evaluated.Count, ChangesIn(evaluated));
    }

    public async Task<IReadOnlyList<ZoneChange>> CompareAsync(Period period, RuleSet candidate, CancellationToken cancellationToken = default) =>
        ChangesIn(await periods.EvaluateAsync(period, candidate, cancellationToken));

    private static IReadOnlyList<ZoneChange> ChangesIn(IReadOnlyList<(StoredInput Stored, SchoolEvaluation Evaluation)> evaluated) =>
        [.. evaluated
            .Where(pair => pair.Stored.OverallZone != pair.Evaluation.OverallZone)
            .Select(pair => new ZoneChange(pair.Stored.MunicipalityId, pair.Stored.SchoolId, pair.Stored.SchoolName, pair.Stored.OverallZone, pair.Evaluation.OverallZone))
            .OrderBy(change => change.MunicipalityId, StringComparer.Ordinal)
            .ThenBy(change => change.SchoolId, StringComparer.Ordinal)];
}
