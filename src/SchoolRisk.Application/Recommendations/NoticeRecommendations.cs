using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Recommendations;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Support;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Application.Recommendations;

/// <summary>
/// A municipality's notice with the addressed recommendations (issue 23, item 1) of each of its risk schools, from the
/// evaluation that put the school in its zone (the notice of an upload or of a change of rules is made before the
/// results are stored), its municipality's worst rubric zone and the support decided for it in the period.
/// </summary>
public static class NoticeRecommendations
{
    /// <param name="ruleSet">The rule set that evaluated the schools.</param>
    /// <param name="notice">The notice; <c>null</c> passes through.</param>
    /// <param name="evaluations">Every school of the notice's evaluation, by id.</param>
    /// <param name="municipalRubricZone">The worst zone of the municipality's rubric bands; none when not assessed.</param>
    /// <param name="support">The support decided in the notice's period.</param>
    /// <returns>The notice with <see cref="RiskSchool.Recommendations"/> filled; as it was when the rule set has no recommendations.</returns>
    public static async Task<MunicipalityNotice?> RecommendingAsync(
        this RuleSet ruleSet, MunicipalityNotice? notice, IReadOnlyDictionary<SchoolId, SchoolEvaluation> evaluations, Zone municipalRubricZone, DecidedSupport support)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(evaluations);
        ArgumentNullException.ThrowIfNull(support);
        if (notice is null || ruleSet.RecommendationWorkflowName is null)
        {
            return notice;
        }

        var schools = new List<RiskSchool>(notice.Schools.Count);
        foreach (var school in notice.Schools)
        {
            schools.Add(school with
            {
                Recommendations = await ruleSet.RecommendAsync(RecommendationInput.Of(evaluations[school.SchoolId], municipalRubricZone, support.Of(school.SchoolId))),
            });
        }

        return notice with { Schools = schools };
    }
}
