using SchoolRisk.Domain.RiskGroups;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>A test case of the low-result group's criteria: whether the rules find low results in each period, and the status expected in each.</summary>
public sealed record RiskGroupTestCase(string FileName, string Name, IReadOnlyList<bool> LowResults, IReadOnlyList<RiskGroupStatus> Expect)
{
    public override string ToString() => $"{FileName}, тестовый пример «{Name}»";
}
