using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Notices;

/// <summary>A school that was in a risk zone the period before and is in none now.</summary>
public sealed record LeftSchool(SchoolId SchoolId, string SchoolName, Zone Before);
