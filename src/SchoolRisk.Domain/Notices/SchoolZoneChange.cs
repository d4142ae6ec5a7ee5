using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Notices;

/// <summary>A school whose overall zone a new rule set changed, with the indicators that put it in its new zone.</summary>
public sealed record SchoolZoneChange(string SchoolId, string SchoolName, Zone Before, Zone After, IReadOnlyList<IndicatorFinding> Findings)
{
    /// <summary>What puts the school in <see cref="After"/> (<see cref="OverallZonePolicy.ReasonsFor"/>); empty when it is in none.</summary>
    public IReadOnlyList<ZoneReason> Reasons { get; init; } = [];

    /// <summary>The rule set version that had put the school in <see cref="Before"/>; <c>null</c> when not known (a notice written before it was recorded).</summary>
    public string? FromVersion { get; init; }
}
