using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Zones;

/// <summary>A school whose overall zone differs between the stored results (<see cref="Stored"/>) and a candidate rule set (<see cref="Candidate"/>).</summary>
public sealed record ZoneChange(MunicipalityId MunicipalityId, SchoolId SchoolId, string SchoolName, Zone Stored, Zone Candidate)
{
    /// <summary>The change of a school from its stored zone to the candidate's, or <c>null</c> when the candidate keeps it.</summary>
    public static ZoneChange? Of(MunicipalityId municipalityId, SchoolId schoolId, string schoolName, Zone stored, Zone candidate) =>
        stored == candidate ? null : new ZoneChange(municipalityId, schoolId, schoolName, stored, candidate);

    /// <summary>The changes as a preview lists them: by municipality, then school (ordinal).</summary>
    public static IReadOnlyList<ZoneChange> Ordered(IEnumerable<ZoneChange> changes) =>
        [.. changes.OrderBy(change => change.MunicipalityId).ThenBy(change => change.SchoolId)];
}
