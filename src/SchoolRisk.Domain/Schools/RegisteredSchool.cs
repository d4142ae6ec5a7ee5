using SchoolRisk.Domain.Municipalities;

namespace SchoolRisk.Domain.Schools;

/// <summary>A school of the regional registry (domain.md, section 2); <see cref="Id"/> is its id as the registry spells it.</summary>
public sealed record RegisteredSchool(
    SchoolId Id, string Name, MunicipalityId MunicipalityId, string Level, string Settlement, bool Remote, int Enrolment);
