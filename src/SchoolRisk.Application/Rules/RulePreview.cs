using SchoolRisk.Application.Recalculation;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Storage.Results;

namespace SchoolRisk.Application.Rules;

/// <summary>
/// What-if: checks a candidate rule set as an activation would (validation; rules that throw on the period's stored
/// data), evaluates it against a stored period, writing nothing, and lists the schools whose overall zone would change
/// and what of the active version it would no longer evaluate (never a refusal here: the activation asks for leave).
/// </summary>
public sealed class RulePreview(PeriodEvaluator periods, RuleCandidateCheck check)
{
    /// <param name="period">The stored period to evaluate.</param>
    /// <param name="candidate">The candidate's files.</param>
    /// <param name="active">The active version's files, to say what the candidate would no longer evaluate; none lists nothing.</param>
    /// <param name="cancellationToken">Cancels the preview.</param>
    public async Task<RulePreviewResult> PreviewAsync(Period period, IReadOnlyList<RuleFile> candidate, IReadOnlyList<RuleFile> active, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var (ruleSet, problems) = await RuleCandidateCheck.ValidateAsync(candidate, cancellationToken);
        if (ruleSet is null)
        {
            return new RulePreviewResult(period, null, problems, 0, [], []);
        }

        var removed = await RuleCandidateCheck.RemovalsAsync(active, ruleSet, cancellationToken);
        var run = await check.RunOnAsync(period, ruleSet, candidate, cancellationToken);
        return run.Problems.Count > 0 || run.Evaluation is null
            ? new RulePreviewResult(period, ruleSet.Version, run.Problems, 0, [], removed)
            : new RulePreviewResult(period, ruleSet.Version, [], run.Evaluation.Schools.Count, ChangesIn(run.Evaluation.Schools), removed);
    }

    /// <summary>The schools of <paramref name="period"/> whose zone <paramref name="candidate"/> would change, without any check (the tests compare a door's preview with it).</summary>
    public async Task<IReadOnlyList<ZoneChange>> CompareAsync(Period period, RuleSet candidate, CancellationToken cancellationToken = default) =>
        ChangesIn((await periods.EvaluateAsync(period, candidate, cancellationToken)).Schools);

    private static IReadOnlyList<ZoneChange> ChangesIn(IReadOnlyList<(StoredInput Stored, SchoolEvaluation Evaluation)> evaluated) =>
        ZoneChange.Ordered(evaluated
            .Select(pair => ZoneChange.Of(pair.Stored.MunicipalityId, pair.Stored.SchoolId, pair.Stored.SchoolName, pair.Stored.OverallZone, pair.Evaluation.OverallZone))
            .OfType<ZoneChange>());
}
