using SchoolRisk.Domain.RiskGroups;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Notices;

/// <summary>
/// A school of a notice that stands somewhere toward the low-result group (ШНОР) this period other than plainly outside
/// it: entered, re-entered, stayed, exit not yet confirmed, exited, or watched; <see cref="Description"/> says so in
/// Russian with the periods (<see cref="RiskGroupStanding.Describe"/>).
/// </summary>
public sealed record RiskGroupSchool(SchoolId SchoolId, string SchoolName, RiskGroupStatus Status, string Description);
