using SchoolRisk.Domain.Federal;

namespace SchoolRisk.Application.Views;

/// <summary>
/// The federal list of a period as a caller may see it (<see cref="FederalQuery"/>): the file it came from and when the
/// committee saved it; <see cref="MunicipalityId"/> when the view is one municipality's (<c>null</c>: the region); how
/// many schools are on the federal list and in the regional low-result group (ШНОР); the risk factors in the programme's
/// order; every school of the file with its status and profile; and the disagreement, as <see cref="FederalComparison"/>.
/// </summary>
public sealed record FederalView(
    string Period,
    string FileName,
    DateTimeOffset SavedAt,
    string? MunicipalityId,
    int FederalCount,
    int RegionalCount,
    IReadOnlyList<FederalRiskFactor> Factors,
    IReadOnlyList<FederalSchoolView> Schools,
    IReadOnlyList<ComparedSchoolView> FederalOnly,
    IReadOnlyList<ComparedSchoolView> RegionalOnly,
    IReadOnlyList<ComparedSchoolView> Both);

/// <summary>
/// A school of the federal file: whether it is on the federal list, whether the period's stored classification puts it
/// in the regional low-result group (<c>null</c>: the region has no result for it), and the level of each assessed
/// factor by factor id (<c>high</c>, <c>medium</c>, <c>low</c>; a factor not assessed is absent).
/// </summary>
public sealed record FederalSchoolView(
    string SchoolId, string SchoolName, string MunicipalityId, bool OnFederalList, bool? InRegionalGroup, IReadOnlyDictionary<string, FederalRiskLevel> Profile);

/// <summary>A school of a disagreement list: id, name, municipality id and the municipality's name.</summary>
public sealed record ComparedSchoolView(string SchoolId, string SchoolName, string MunicipalityId, string MunicipalityName);
