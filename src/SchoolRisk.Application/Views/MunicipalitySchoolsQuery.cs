using SchoolRisk.Application.Recommendations;
using SchoolRisk.Application.Rules;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Recommendations;
using SchoolRisk.Domain.Support;
using SchoolRisk.Storage.Municipalities;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Support;

namespace SchoolRisk.Application.Views;

/// <summary>
/// One municipality's schools in a period (<c>MunicipalitySchools</c>), worst zone first, with every indicator's value,
/// zone and the thresholds of the rule set version each school's result was evaluated with, and the addressed
/// recommendations that apply to it under the active rule set (with the municipality's rubric zone and the support decided
/// in the period); those about the municipality as a whole once, beside the schools.
/// </summary>
public sealed class MunicipalitySchoolsQuery(
    ResultTable results, RecipientListBlob recipients, RuleVersionTables ruleTables, RuleSetProvider rules, MunicipalityTable municipalities, SupportDecisionTable decisions)
{
    /// <param name="scope">What the caller may see: another municipality's key is forbidden.</param>
    /// <param name="municipality">
    /// The municipality's id as the route gives it; text that is no id (<see cref="MunicipalityId"/>) names a municipality
    /// with no schools, as an unknown id does.
    /// </param>
    /// <param name="period">The period, like <c>2023-2024</c>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<ViewAnswer<MunicipalitySchoolsView>> GetAsync(AccessScope scope, string municipality, string? period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.Sees(municipality))
        {
            return ViewAnswer.Forbidden<MunicipalitySchoolsView>(municipality);
        }

        if (!Period.TryParse(period, out var parsed))
        {
            return ViewAnswer.NotAPeriod<MunicipalitySchoolsView>(period);
        }

        List<SchoolView> schools = [];
        List<IReadOnlyList<Recommendation>> recommended = [];
        if (MunicipalityId.TryParse(municipality, out var municipalityId))
        {
            var stored = await results.ListAsync(parsed, municipalityId, cancellationToken)
                .OrderByDescending(result => result.OverallZone).ThenBy(result => result.SchoolId)
                .ToListAsync(cancellationToken);
            var tables = await ruleTables.GetAllAsync(stored.Select(result => result.RuleSetVersion), cancellationToken);
            var ruleSet = await rules.GetAsync(cancellationToken);
            var rubricZone = await municipalities.ListAsync(parsed, cancellationToken).Where(summary => summary.MunicipalityId == municipalityId)
                .Select(summary => summary.RubricZone).FirstOrDefaultAsync(cancellationToken);
            var support = new DecidedSupport(await decisions.ListAsync(parsed, cancellationToken));
            foreach (var result in stored)
            {
                var recommendations = await ruleSet.RecommendAsync(result, rubricZone, support);
                recommended.Add(recommendations);
                schools.Add(new SchoolView(
                    result.SchoolId.ToString(), result.SchoolName, result.OverallZone, SchoolViews.ZoneReasons(result), SchoolViews.Indicators(result, tables),
                    result.Classification, result.Assessment.Rank, result.RuleSetVersion.ToString())
                {
                    Recommendations = [.. recommendations.AboutTheSchool().Select(RecommendationView.Of)],
                });
            }
        }

        var name = (await recipients.LoadAsync(cancellationToken)).NameOf(municipality);
        return ViewAnswer.Found<MunicipalitySchoolsView>(new MunicipalitySchoolsView(parsed.ToString(), municipality, name, schools)
        {
            MunicipalRecommendations = [.. recommended.AboutTheMunicipality().Select(RecommendationView.Of)],
        });
    }
}
