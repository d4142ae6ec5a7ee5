using SchoolRisk.Application.Recalculation;
using SchoolRisk.Application.Recommendations;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Recommendations;
using SchoolRisk.Domain.Support;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Storage.Municipalities;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Support;

namespace SchoolRisk.Application.Rules;

/// <summary>
/// What-if: checks a candidate rule set as an activation would (validation; rules that throw on the period's stored
/// data), evaluates it against a stored period, writing nothing, and lists the schools whose overall zone would change,
/// those whose addressed recommendations would change (the active version's on the stored results against the
/// candidate's on its evaluation, both with the municipality's stored rubric zone and the support decided in the period), and what of the active version it
/// would no longer evaluate (never a refusal here: the activation asks for leave).
/// </summary>
public sealed class RulePreview(PeriodEvaluator periods, RuleCandidateCheck check, ResultTable results, MunicipalityTable municipalities, SupportDecisionTable decisions)
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
        if (run.Problems.Count > 0 || run.Evaluation is null)
        {
            return new RulePreviewResult(period, ruleSet.Version, run.Problems, 0, [], removed);
        }

        return new RulePreviewResult(period, ruleSet.Version, [], run.Evaluation.Schools.Count, ChangesIn(run.Evaluation.Schools), removed)
        {
            RecommendationChanges = active.Count == 0
                ? []
                : await RecommendationChangesAsync(period, await RuleSet.LoadAsync(active, cancellationToken), ruleSet, run.Evaluation.Schools, cancellationToken),
        };
    }

    /// <summary>The schools of <paramref name="period"/> whose zone <paramref name="candidate"/> would change, without any check (the tests compare a door's preview with it).</summary>
    public async Task<IReadOnlyList<ZoneChange>> CompareAsync(Period period, RuleSet candidate, CancellationToken cancellationToken = default) =>
        ChangesIn((await periods.EvaluateAsync(period, candidate, cancellationToken)).Schools);

    private async Task<IReadOnlyList<RecommendationChange>> RecommendationChangesAsync(
        Period period, RuleSet activeRules, RuleSet candidate, IReadOnlyList<(StoredInput Stored, SchoolEvaluation Evaluation)> evaluated, CancellationToken cancellationToken)
    {
        var stored = await results.ListAsync(period, cancellationToken).ToDictionaryAsync(result => result.SchoolId, cancellationToken: cancellationToken);
        var rubricZones = await municipalities.ListAsync(period, cancellationToken).ToDictionaryAsync(summary => summary.MunicipalityId, summary => summary.RubricZone, cancellationToken: cancellationToken);
        var support = new DecidedSupport(await decisions.ListAsync(period, cancellationToken));
        var changes = new List<RecommendationChange>();
        foreach (var (input, evaluation) in evaluated)
        {
            var rubricZone = rubricZones.GetValueOrDefault(input.MunicipalityId);
            var before = stored.TryGetValue(input.SchoolId, out var result) ? Texts(await activeRules.RecommendAsync(result, rubricZone, support)) : [];
            var after = Texts(await candidate.RecommendAsync(RecommendationInput.Of(evaluation, rubricZone, support.Of(input.SchoolId))));
            if (!before.SequenceEqual(after))
            {
                changes.Add(new RecommendationChange(input.MunicipalityId, input.SchoolId, input.SchoolName, [.. after.Except(before)], [.. before.Except(after)]));
            }
        }

        return [.. changes.OrderBy(change => change.MunicipalityId).ThenBy(change => change.SchoolId)];
    }

    private static List<string> Texts(IReadOnlyList<Recommendation> recommendations) =>
        [.. recommendations.Select(recommendation => $"{recommendation.Addressee.Title()}: {recommendation.Measure}").Order(StringComparer.Ordinal)];

    private static IReadOnlyList<ZoneChange> ChangesIn(IReadOnlyList<(StoredInput Stored, SchoolEvaluation Evaluation)> evaluated) =>
        ZoneChange.Ordered(evaluated
            .Select(pair => ZoneChange.Of(pair.Stored.MunicipalityId, pair.Stored.SchoolId, pair.Stored.SchoolName, pair.Stored.OverallZone, pair.Evaluation.OverallZone))
            .OfType<ZoneChange>());
}
