using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Support;

namespace SchoolRisk.Storage.Support;

/// <summary>An entry of the support audit trail (<see cref="SupportAuditTable"/>): who did what to which decision, when, and the decision before and after.</summary>
/// <param name="Period">The decision's period.</param>
/// <param name="SchoolId">The supported school.</param>
/// <param name="Kind">The kind of support.</param>
/// <param name="Action">Recorded, changed or withdrawn.</param>
/// <param name="By">Who: the declared name and the key or identity it came with.</param>
/// <param name="At">When (UTC).</param>
/// <param name="Before">The decision before; <c>null</c> for <see cref="SupportAuditAction.Recorded"/>.</param>
/// <param name="After">The decision after; <c>null</c> for <see cref="SupportAuditAction.Withdrawn"/>.</param>
public sealed record SupportAuditEntry(
    Period Period, SchoolId SchoolId, SupportKind Kind, SupportAuditAction Action, string By, DateTimeOffset At, SupportDecision? Before, SupportDecision? After);
