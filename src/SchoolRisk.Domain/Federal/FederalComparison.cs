namespace SchoolRisk.Domain.Federal;

/// <summary>
/// The federal list of low-result schools of a period beside the regional group of the same period (the schools whose
/// stored classification has low results, ШНОР; docs/methodology.md, section 4.2): how many are in each, and where they disagree.
/// <see cref="FederalOnly"/> are on the federal list but not in the regional group (including schools the region has
/// no result for), <see cref="RegionalOnly"/> the reverse, <see cref="Both"/> in both; each ordered by municipality,
/// then school id. Schools are the same when their ids are (the registry's spelling travels everywhere).
/// </summary>
public sealed record FederalComparison(
    int FederalCount, int RegionalCount, IReadOnlyList<ComparedSchool> FederalOnly, IReadOnlyList<ComparedSchool> RegionalOnly, IReadOnlyList<ComparedSchool> Both)
{
    /// <param name="federalList">The schools on the federal list of the period (not every school of the file: only those on the list).</param>
    /// <param name="regionalGroup">The schools with low results in the period's stored classification.</param>
    public static FederalComparison Of(IEnumerable<ComparedSchool> federalList, IEnumerable<ComparedSchool> regionalGroup)
    {
        ArgumentNullException.ThrowIfNull(federalList);
        ArgumentNullException.ThrowIfNull(regionalGroup);
        var federal = federalList.DistinctBy(school => school.SchoolId).ToList();
        var regional = regionalGroup.DistinctBy(school => school.SchoolId).ToList();
        var federalIds = federal.Select(school => school.SchoolId).ToHashSet();
        var regionalIds = regional.Select(school => school.SchoolId).ToHashSet();
        return new FederalComparison(
            federal.Count,
            regional.Count,
            Ordered(federal.Where(school => !regionalIds.Contains(school.SchoolId))),
            Ordered(regional.Where(school => !federalIds.Contains(school.SchoolId))),
            Ordered(federal.Where(school => regionalIds.Contains(school.SchoolId))));
    }

    private static List<ComparedSchool> Ordered(IEnumerable<ComparedSchool> schools) =>
        [.. schools.OrderBy(school => school.MunicipalityId).ThenBy(school => school.SchoolId)];
}
