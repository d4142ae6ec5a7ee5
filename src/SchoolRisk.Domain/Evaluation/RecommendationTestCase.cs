using SchoolRisk.Domain.Recommendations;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>A test case of the recommendations: a school's situation and the rules expected to apply to it, exactly.</summary>
public sealed record RecommendationTestCase(string FileName, string Name, RecommendationInput Situation, IReadOnlyList<string> Expect)
{
    public override string ToString() => $"{FileName}, тестовый пример «{Name}»";
}
