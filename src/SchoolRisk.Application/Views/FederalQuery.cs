using SchoolRisk.Domain.Federal;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices.Recipients;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Federal;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Results;

namespace SchoolRisk.Application.Views;

/// <summary>
/// The federal list of a period beside the regional classification (<c>Federal</c>): the stored list
/// (<see cref="FederalListTable"/>), each school's risk profile, and where the list and the regional low-result group
/// (the stored results with low results) disagree (<see cref="FederalComparison"/>). The committee's key (any key that
/// sees the region) sees the region, or one municipality when it names one; a municipality's key sees its own schools
/// only, and is refused another municipality.
/// </summary>
public sealed class FederalQuery(FederalListTable federal, ResultTable results, RecipientListBlob recipients)
{
    /// <param name="scope">What the caller may see.</param>
    /// <param name="period">The period, like <c>2024-2025</c>.</param>
    /// <param name="municipality">One municipality's schools only (the query's <c>municipality</c>); <c>null</c>: all the caller sees.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<ViewAnswer<FederalView>> GetAsync(AccessScope scope, string? period, string? municipality, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var own = string.IsNullOrEmpty(municipality) ? scope.MunicipalityId : municipality;
        if (own is not null && !scope.Sees(own))
        {
            return ViewAnswer.Forbidden<FederalView>(own);
        }

        if (!Period.TryParse(period, out var parsed))
        {
            return ViewAnswer.NotAPeriod<FederalView>(period);
        }

        MunicipalityId? municipalityId = null;
        if (own is not null)
        {
            if (!MunicipalityId.TryParse(own, out var id))
            {
                return ViewAnswer.NotAMunicipality<FederalView>(own);
            }

            municipalityId = id;
        }

        if (await federal.ReadAsync(parsed, cancellationToken) is not { } list)
        {
            return ViewAnswer.NotFound<FederalView>($"Федеральный перечень ШНОР за {parsed} не загружен.");
        }

        var schools = list.Schools.Where(school => municipalityId is null || school.MunicipalityId == municipalityId).ToList();
        var stored = await (municipalityId is { } one ? results.ListAsync(parsed, one, cancellationToken) : results.ListAsync(parsed, cancellationToken))
            .ToListAsync(cancellationToken);
        var lowResults = stored.ToDictionary(result => result.SchoolId, result => result.Classification.LowResults);
        var comparison = FederalComparison.Of(
            schools.Where(school => school.OnList).Select(school => school.Compared),
            stored.Where(result => result.Classification.LowResults).Select(result => new ComparedSchool(result.SchoolId, result.SchoolName, result.MunicipalityId)));
        var directory = await recipients.LoadAsync(cancellationToken);
        return ViewAnswer.Found(new FederalView(
            parsed.ToString(),
            list.FileName,
            list.SavedAt,
            municipalityId?.ToString(),
            comparison.FederalCount,
            comparison.RegionalCount,
            FederalRiskFactors.All,
            [.. schools.Select(school => new FederalSchoolView(
                school.SchoolId.ToString(), school.SchoolName, school.MunicipalityId.ToString(), school.OnList,
                lowResults.TryGetValue(school.SchoolId, out var low) ? low : null, school.Profile))],
            Views(comparison.FederalOnly, directory),
            Views(comparison.RegionalOnly, directory),
            Views(comparison.Both, directory)));
    }

    private static List<ComparedSchoolView> Views(IReadOnlyList<ComparedSchool> schools, RecipientDirectory directory) =>
        [.. schools.Select(school => new ComparedSchoolView(
            school.SchoolId.ToString(), school.SchoolName, school.MunicipalityId.ToString(), directory.NameOf(school.MunicipalityId.ToString())))];
}
