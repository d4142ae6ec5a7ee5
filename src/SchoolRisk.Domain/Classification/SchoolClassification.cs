using SchoolRisk.Domain.RiskGroups;

namespace SchoolRisk.Domain.Classification;

/// <summary>
/// How a school is classified in a period (docs/methodology.md, section 4). <see cref="LowResults"/> is membership of the
/// low-result group (ШНОР), which has entry and exit criteria (<see cref="RiskGroup"/>): a school whose results are no
/// longer low stays in the group, and so in the high zone, until its exit is confirmed.
/// </summary>
public sealed record SchoolClassification(
    decimal? ResultsIndex,
    bool LowResults,
    bool StablyLowResults,
    bool UnfavourableConditions,
    Typology Typology,
    bool NonObjectiveResults,
    bool LeaderEffective)
{
    public static SchoolClassification None { get; } = new(null, false, false, false, Typology.Successful, false, false);

    /// <summary>The school's standing toward the low-result group this period; <see cref="RiskGroupStanding.Outside"/> when not classified.</summary>
    public RiskGroupStanding RiskGroup { get; init; } = RiskGroupStanding.Outside;
}
