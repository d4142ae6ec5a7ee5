using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Notices;

/// <summary>A school whose overall zone a new rule set changed, with the indicators that put it in its new zone.</summary>
public sealed record SchoolZoneChange(SchoolId SchoolId, string SchoolName, Zone Before, Zone After, IReadOnlyList<IndicatorFinding> Findings)
{
    /// <summary>What puts the school in <see cref="After"/> (<see cref="OverallZonePolicy.ReasonsFor"/>); empty when it is in none.</summary>
    public IReadOnlyList<ZoneReason> Reasons { get; init; } = [];

    /// <summary>The rule set version that had put the school in <see cref="Before"/>; <c>null</c> when not known (a notice written before it was recorded).</summary>
    public RuleSetVersion? FromVersion { get; init; }

    /// <summary>
    /// How the rules moved a school: from <paramref name="before"/> (<see cref="PriorZone.Of"/>) to the zone of
    /// <paramref name="evaluation"/>, with what puts it there; <c>null</c> when the rules did not bring it to its version
    /// or left its zone as it was.
    /// </summary>
    public static SchoolZoneChange? ByRules(PriorZone? before, SchoolEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return before is not null && before.Zone != evaluation.OverallZone
            ? new SchoolZoneChange(evaluation.School.SchoolId, evaluation.School.SchoolName, before.Zone, evaluation.OverallZone, evaluation.Findings)
            {
                Reasons = OverallZonePolicy.Default.ReasonsFor(evaluation.Findings.Select(finding => finding.Zone), evaluation.Classification),
                FromVersion = before.Version,
            }
            : null;
    }
}
