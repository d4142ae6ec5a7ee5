using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Rubrics;

/// <summary>
/// One band of a rubric: totals <see cref="From"/> to <see cref="To"/> inclusive, its name in the rule file
/// (<c>low</c>), its label as people read it («низкий») and the risk zone it maps to.
/// </summary>
public sealed record RubricBand(string RuleName, string Name, string Label, Zone Zone, int From, int To);
