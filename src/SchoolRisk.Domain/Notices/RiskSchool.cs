using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Notices;

/// <summary>
/// A school of a notice: its overall zone, the indicators that put it there, and its zone in the previous period
/// (<see cref="Before"/>; <c>null</c> when that period has no result for it), which tells whether it entered or stayed.
/// </summary>
public sealed record RiskSchool(string SchoolId, string SchoolName, Zone Zone, IReadOnlyList<IndicatorFinding> Findings)
{
    public Zone? Before { get; init; }

    /// <summary>In no risk zone the period before (or not evaluated then): it entered one this period.</summary>
    public bool Entered => Before is null or Zone.None;
}
