using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>
/// A test case of the integrated assessment: a small region of schools (id, registry level, values) and, for some of
/// them, the rank, level, TOP and leader flags expected.
/// </summary>
public sealed record AssessmentTestCase(
    string FileName,
    string Name,
    IReadOnlyList<(SchoolId SchoolId, string Level, SchoolIndicators Values)> Schools,
    IReadOnlyDictionary<SchoolId, IReadOnlyDictionary<string, string>> Expect)
{
    public override string ToString() => $"{FileName}, тестовый пример «{Name}»";
}
