using SchoolRisk.Domain.Classification;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>
/// A rule that threw while it ran on real data: which rule (<see cref="WorkflowName"/>, <see cref="RuleName"/>, the file
/// where known), on what (<see cref="SubjectId"/>: a school's id, or what a rubric row scores), what it saw
/// (<see cref="Inputs"/>, Russian, such as «12,5 %» for a zone rule's indicator) and what went wrong (<see cref="Detail"/>,
/// Russian). Evaluation does not stop at it: the indicator, classification or rubric row it was deciding is left not
/// evaluated for that subject and the failure travels with the result (<see cref="SchoolEvaluation.Failures"/>), so an
/// upload reports it and an activation refuses the rule (<see cref="RuleFailures"/> words both).
/// </summary>
/// <param name="Kind">What the rule was deciding.</param>
/// <param name="WorkflowName">The workflow (block) of the rule.</param>
/// <param name="RuleName">The rule's <c>RuleName</c>.</param>
/// <param name="SubjectId">The school's id, or for a rubric the municipality's id, a school's id or a course's title.</param>
/// <param name="SubjectName">The school's name, or the rubric subject's name; may be empty.</param>
/// <param name="Inputs">What the rule saw, in Russian: the value of a zone rule's indicator («12,5 %», «нет данных»), a rubric's total («сумма баллов 12»), a school's indices for a classification rule.</param>
/// <param name="Detail">What went wrong, in Russian (<see cref="RuleFailures.DetailOf(Exception)"/>).</param>
public sealed record RuleFailure(RuleFailureKind Kind, string WorkflowName, string RuleName, string SubjectId, string SubjectName, string Inputs, string Detail)
{
    /// <summary>The rule file, where the rule set knows it (zone rules and rubrics); <c>null</c> otherwise.</summary>
    public string? FileName { get; init; }

    /// <summary>The indicator a zone rule decides; <c>null</c> for other rules.</summary>
    public string? IndicatorId { get; init; }

    /// <summary>The classification a classification rule decides; <c>null</c> for other rules.</summary>
    public ClassificationKind? Classification { get; init; }

    /// <summary>The rubric's title as people know it (rubric rules only).</summary>
    public string? RubricTitle { get; init; }

    /// <summary>The 1-based row of the upload the subject came from; 0 when it did not come from an upload (stored data, a test case).</summary>
    public int RowNumber { get; init; }
}
