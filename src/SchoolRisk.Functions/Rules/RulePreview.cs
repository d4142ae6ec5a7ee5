using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Functions.Recalculate;

namespace SchoolRisk.Functions.Rules;

/// <summary>What-if: evaluates a candidate rule set against a stored period, writing nothing, and lists the schools whose overall zone would change.</summary>
public sealed class RulePreview(PeriodEvaluator periods)
{
    public async Task<IReadOnlyList<ZoneChange>> CompareAsync(Period period, RuleSet candidate, CancellationToken cancellationToken = default)
    {
        var evaluated = await periods.EvaluateAsync(period, candidate, cancellationToken);
        return [.. evaluated
            .Where(pair => pair.Stored.OverallZone != pair.Evaluation.OverallZone)
            .Select(pair => new ZoneChange(pair.Stored.MunicipalityId, pair.Stored.SchoolId, pair.Stored.SchoolName, pair.Stored.OverallZone, pair.Evaluation.OverallZone))
            .OrderBy(change => change.MunicipalityId, StringComparer.Ordinal)
            .ThenBy(change => change.SchoolId, StringComparer.Ordinal)];
    }
}
