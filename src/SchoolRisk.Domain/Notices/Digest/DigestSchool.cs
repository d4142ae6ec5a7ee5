using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.RiskGroups;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Notices.Digest;

/// <summary>
/// What the digest needs of a school's result in a period: where it is, its overall zone, and its standing toward the
/// low-result group (ШНОР) that period.
/// </summary>
public sealed record DigestSchool(MunicipalityId MunicipalityId, SchoolId SchoolId, string SchoolName, Zone Zone, RiskGroupStanding RiskGroup);
