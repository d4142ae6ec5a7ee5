using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Results;

namespace SchoolRisk.Application.Views;

/// <summary>One municipality's schools in a period (<c>MunicipalitySchools</c>), with every indicator's value and zone, worst zone first.</summary>
public sealed class MunicipalitySchoolsQuery(ResultTable results, RecipientStore recipients)
{
    /// <param name="scope">What the caller may see: another municipality's key is forbidden.</param>
    /// <param name="municipalityId">The municipality's id.</param>
    /// <param name="period">The period, like <c>2023-2024</c>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<ViewAnswer<MunicipalitySchoolsView>> GetAsync(AccessScope scope, string municipalityId, string? period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.Sees(municipalityId))
        {
            return ViewAnswer.Forbidden<MunicipalitySchoolsView>(municipalityId);
        }

        if (!Period.TryParse(period, out var parsed))
        {
            return ViewAnswer.NotAPeriod<MunicipalitySchoolsView>(period);
        }

        var schools = await results.ListAsync(parsed, municipalityId, cancellationToken)
            .OrderByDescending(result => result.OverallZone).ThenBy(result => result.SchoolId, StringComparer.Ordinal)
            .Select(result => new SchoolView(
                result.SchoolId, result.SchoolName, result.OverallZone, SchoolViews.ZoneReasons(result), SchoolViews.Indicators(result), result.Classification, result.Assessment.Rank, result.RuleSetVersion))
            .ToListAsync(cancellationToken);
        var name = (await recipients.LoadAsync(cancellationToken)).NameOf(municipalityId);
        return ViewAnswer.Found<MunicipalitySchoolsView>(new MunicipalitySchoolsView(parsed.ToString(), municipalityId, name, schools));
    }
}
