using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Federal;

/// <summary>A school as <see cref="FederalComparison"/> lists it: id, name and municipality.</summary>
public sealed record ComparedSchool(SchoolId SchoolId, string SchoolName, MunicipalityId MunicipalityId);
