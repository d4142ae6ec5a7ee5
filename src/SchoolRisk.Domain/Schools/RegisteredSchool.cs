using SchoolRisk.Domain.Municipalities;

namespace SchoolRisk.Domain.Schools;

/// <summary>A school of the regional registry (domain.md, section 2).</summary>
public sealed record RegisteredSchool(
    string Id, string Name, MunicipalityId MunicipalityId, string Level, string Settlement, bool Remote, int Enrolment);
