using SchoolRisk.Domain.Federal;
using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Storage.Federal;

/// <summary>
/// The federal list stored for a period: the file it was read from (its name, the version id its report is filed under,
/// when the committee saved it) and every school of that file with its list status and risk profile, by school id.
/// </summary>
public sealed record StoredFederalList(Period Period, string FileName, string VersionId, DateTimeOffset SavedAt, IReadOnlyList<FederalSchool> Schools)
{
    /// <summary>The schools on the federal list.</summary>
    public IEnumerable<FederalSchool> OnList => Schools.Where(school => school.OnList);
}
