using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Notices.Digest;

/// <summary>What the digest needs of a school's result in a period: where it is, its overall zone, and whether its results are low (ШНОР).</summary>
public sealed record DigestSchool(MunicipalityId MunicipalityId, SchoolId SchoolId, string SchoolName, Zone Zone, bool LowResults);
