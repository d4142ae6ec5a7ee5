using SchoolRisk.Application.Rules;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Results;

namespace SchoolRisk.Application.Views;

/// <summary>
/// A school's zone and indicators in every period, oldest first (<c>SchoolHistory</c>), each period's indicators with the
/// thresholds of the rule set version its result was evaluated with.
/// </summary>
public sealed class SchoolHistoryQuery(ResultTable results, SchoolRegistryBlob registry, RuleVersionTables ruleTables)
{
    /// <param name="scope">What the caller may see: a key of another municipality than the school's is forbidden.</param>
    /// <param name="schoolId">The school's id as the route gives it, in any case; one not in the registry, or not a school id at all, is not found.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<ViewAnswer<SchoolHistoryView>> GetAsync(AccessScope scope, string schoolId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var registered = await registry.LoadAsync(cancellationToken);
        if (!SchoolId.TryParse(schoolId, out var id) || registered.Find(id) is not { } school)
        {
            return ViewAnswer.NotFound<SchoolHistoryView>($"Школы «{schoolId}» нет в реестре.");
        }

        if (!scope.Sees(school.MunicipalityId.ToString()))
        {
            return ViewAnswer.Forbidden<SchoolHistoryView>(school.MunicipalityId.ToString());
        }

        var history = await results.HistoryAsync(school.Id, cancellationToken);
        var tables = await ruleTables.GetAllAsync(history.Select(result => result.RuleSetVersion), cancellationToken);
        return ViewAnswer.Found<SchoolHistoryView>(new SchoolHistoryView(
            school.Id.ToString(), school.Name, school.MunicipalityId.ToString(),
            [.. history.Select(result => new SchoolPeriodView(
                result.Period.ToString(), result.OverallZone, SchoolViews.ZoneReasons(result), SchoolViews.Indicators(result, tables), result.Classification.LowResults)
            {
                Classification = result.Classification,
                RuleSetVersion = result.RuleSetVersion.ToString(),
            })]));
    }
}
