using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Recommendations;
using SchoolRisk.Domain.RiskGroups;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Notices.Notes;

/// <summary>A school in an analytical note: its zone now and the period before, the indicators that put it there, whether its results are low.</summary>
public sealed record NoteSchool(SchoolId SchoolId, string SchoolName, Zone Zone, Zone? Before, IReadOnlyList<IndicatorFinding> Findings, bool LowResults)
{
    /// <summary>What puts the school in <see cref="Zone"/> (<see cref="OverallZonePolicy.ReasonsFor"/>); empty when it is in none.</summary>
    public IReadOnlyList<ZoneReason> Reasons { get; init; } = [];

    /// <summary>The school's standing toward the low-result group (ШНОР) this period.</summary>
    public RiskGroupStanding RiskGroup { get; init; } = RiskGroupStanding.Outside;

    /// <summary>The addressed recommendations that apply to the school, in file order.</summary>
    public IReadOnlyList<Recommendation> Recommendations { get; init; } = [];
}
