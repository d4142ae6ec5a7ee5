using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Recommendations;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Notices;

/// <summary>
/// A school of a notice: its overall zone, why it is there (<see cref="Reasons"/>), the indicators in risk zones, and its
/// zone in the previous period (<see cref="Before"/>; <c>null</c> when that period has no result for it), which tells
/// whether it entered or stayed.
/// </summary>
public sealed record RiskSchool(SchoolId SchoolId, string SchoolName, Zone Zone, IReadOnlyList<IndicatorFinding> Findings)
{
    /// <summary>
    /// What puts the school in <see cref="Zone"/> (<see cref="OverallZonePolicy.ReasonsFor"/>): an indicator, or a
    /// classification such as ШНСУ when no indicator is in a risk zone.
    /// </summary>
    public IReadOnlyList<ZoneReason> Reasons { get; init; } = [];

    public Zone? Before { get; init; }

    /// <summary>The measures the recommendations file addresses for the school's situation, in file order; empty when none apply.</summary>
    public IReadOnlyList<Recommendation> Recommendations { get; init; } = [];

    /// <summary>In no risk zone the period before (or not evaluated then): it entered one this period.</summary>
    public bool Entered => Before is null or Zone.None;
}
