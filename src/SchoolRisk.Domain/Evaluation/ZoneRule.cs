using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>What a rule means when it is satisfied: <see cref="Indicator"/> is in <see cref="Zone"/> by <see cref="Threshold"/>.</summary>
public sealed record ZoneRule(string FileName, string WorkflowName, string RuleName, Indicator Indicator, Zone Zone, decimal Threshold);
