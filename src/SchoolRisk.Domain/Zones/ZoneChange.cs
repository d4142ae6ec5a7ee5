using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Zones;

/// <summary>
/// A school whose overall zone a rule set moves, from <see cref="Before"/> to <see cref="After"/>: a candidate's would-be
/// move in a rule preview (<see cref="Of"/>: the stored zone to the candidate's), or the move a new rule set made, which
/// a rules-changed notice tells with what puts the school in its new zone (<see cref="ByRules"/>).
/// </summary>
public sealed record ZoneChange(MunicipalityId MunicipalityId, SchoolId SchoolId, string SchoolName, Zone Before, Zone After)
{
    /// <summary>The school's indicators as the rules that moved it found them; empty in a preview.</summary>
    public IReadOnlyList<IndicatorFinding> Findings { get; init; } = [];

    /// <summary>What puts the school in <see cref="After"/> (<see cref="OverallZonePolicy.ReasonsFor"/>); empty when it is in none, and in a preview.</summary>
    public IReadOnlyList<ZoneReason> Reasons { get; init; } = [];

    /// <summary>The rule set version that had put the school in <see cref="Before"/>; <c>null</c> when not known (a preview, or a notice written before it was recorded).</summary>
    public RuleSetVersion? FromVersion { get; init; }

    /// <summary>The move of a school from its stored zone to a candidate's, or <c>null</c> when the candidate keeps it.</summary>
    public static ZoneChange? Of(MunicipalityId municipalityId, SchoolId schoolId, string schoolName, Zone stored, Zone candidate) =>
        stored == candidate ? null : new ZoneChange(municipalityId, schoolId, schoolName, stored, candidate);

    /// <summary>
    /// How the rules moved a school of <paramref name="municipalityId"/>: from <paramref name="before"/>
    /// (<see cref="PriorZone.Of"/>) to the zone of <paramref name="evaluation"/>, with what puts it there; <c>null</c> when
    /// the rules did not bring it to its version or left its zone as it was.
    /// </summary>
    public static ZoneChange? ByRules(MunicipalityId municipalityId, PriorZone? before, SchoolEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return before is not null && before.Zone != evaluation.OverallZone
            ? new ZoneChange(municipalityId, evaluation.School.SchoolId, evaluation.School.SchoolName, before.Zone, evaluation.OverallZone)
            {
                Findings = evaluation.Findings,
                Reasons = OverallZonePolicy.Default.ReasonsFor(evaluation.Findings.Select(finding => finding.Zone), evaluation.Classification),
                FromVersion = before.Version,
            }
            : null;
    }

    /// <summary>The changes as a preview lists them: by municipality, then school (ordinal).</summary>
    public static IReadOnlyList<ZoneChange> Ordered(IEnumerable<ZoneChange> changes) =>
        [.. changes.OrderBy(change => change.MunicipalityId).ThenBy(change => change.SchoolId)];
}
