using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>An indicator of a school that a rule put in a risk zone: its value, the threshold crossed, and the rule.</summary>
public sealed record IndicatorFinding(string IndicatorId, decimal? Value, Zone Zone, decimal Threshold, string RuleName);
