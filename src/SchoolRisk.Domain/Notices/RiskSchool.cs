using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Notices;

/// <summary>A school of a notice: its overall zone and the indicators that put it there.</summary>
public sealed record RiskSchool(string SchoolId, string SchoolName, Zone Zone, IReadOnlyList<IndicatorFinding> Findings);
