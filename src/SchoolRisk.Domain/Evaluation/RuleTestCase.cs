using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>A test case of a rule file: a school's values and the zone expected for some of its indicators.</summary>
public sealed record RuleTestCase(string FileName, string Name, SchoolIndicators Input, IReadOnlyDictionary<Indicator, Zone> Expect)
{
    public override string ToString() => $"{FileName}, тестовый пример «{Name}»";
}
