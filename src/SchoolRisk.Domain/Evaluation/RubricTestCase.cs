namespace SchoolRisk.Domain.Evaluation;

/// <summary>
/// A test case of a rubric file: a total, or the item scores as a municipality writes them (<c>null</c> for a missing
/// score), and the band expected, or <see cref="RubricTestCases.Error"/> when the scores must be refused.
/// </summary>
public sealed record RubricTestCase(string FileName, string Name, int? Total, IReadOnlyList<int?>? Scores, string Expect)
{
    public override string ToString() => $"{FileName}, тестовый пример «{Name}»";
}
