using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Notices;

/// <summary>A school whose overall zone a new rule set changed, with the indicators that put it in its new zone.</summary>
public sealed record SchoolZoneChange(string SchoolId, string SchoolName, Zone Before, Zone After, IReadOnlyList<IndicatorFinding> Findings);
