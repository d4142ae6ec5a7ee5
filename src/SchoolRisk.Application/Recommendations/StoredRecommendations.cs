using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Recommendations;
using SchoolRisk.Domain.Support;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Support;

namespace SchoolRisk.Application.Recommendations;

/// <summary>
/// The addressed recommendations (issue 23, item 1) that apply to a stored result: its indicators' zones, overall zone and
/// classification as stored, with its municipality's worst rubric zone and the support decided for it in the period,
/// through the rule set's recommendation rules. The one way the analytical note, the page and the committee's digest get
/// a school's recommendations (the upload's letter, made before the result is stored, has the evaluation itself:
/// <see cref="RecommendationInput.Of(SchoolEvaluation, Zone, IReadOnlySet{SupportKind})"/>).
/// </summary>
public static class StoredRecommendations
{
    /// <param name="ruleSet">The rule set whose recommendation rules apply (the active one).</param>
    /// <param name="result">The school's stored result.</param>
    /// <param name="municipalRubricZone">The worst zone of its municipality's rubric bands; none when not assessed.</param>
    /// <param name="support">The support decided in the result's period (from <see cref="SupportDecisionTable.ListAsync"/>).</param>
    /// <returns>The recommendations that apply, in the rules' order; empty when the rule set has no recommendation file.</returns>
    public static Task<IReadOnlyList<Recommendation>> RecommendAsync(this RuleSet ruleSet, StoredResult result, Zone municipalRubricZone, DecidedSupport support)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(support);
        return ruleSet.RecommendAsync(RecommendationInput.Of(
            indicatorId => result.Indicators.TryGetValue(indicatorId, out var indicator) ? indicator.Zone : Zone.None, result.OverallZone, result.Classification, municipalRubricZone,
            support.Of(result.SchoolId)));
    }
}
