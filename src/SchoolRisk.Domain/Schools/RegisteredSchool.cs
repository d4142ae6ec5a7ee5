using SchoolRisk.Domain.Municipalities;

namespace SchoolRisk.Domain.Schools;

/// <summary>A school of the regional registry (docs/methodology.md, section 2); <see cref="Id"/> is its id as the registry spells it.</summary>
public sealed record RegisteredSchool(
    SchoolId Id, string Name, MunicipalityId MunicipalityId, string Level, string Settlement, bool Remote, int Enrolment)
{
    /// <summary>
    /// The educational district the school's municipality belongs to (docs/methodology.md, section 2: five districts group the
    /// region's municipalities), as the registry's optional <c>district</c> column writes it; <c>null</c> when not given.
    /// Mentor proposals look for a mentor in the same district after the same municipality.
    /// </summary>
    public string? District { get; init; }
}
