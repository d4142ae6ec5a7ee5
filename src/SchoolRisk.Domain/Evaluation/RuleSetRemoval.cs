namespace SchoolRisk.Domain.Evaluation;

/// <summary>
/// Something the active rule set evaluates that a candidate would no longer evaluate (<see cref="RuleSetRemovals"/>).
/// <paramref name="Name"/> is the workflow's, indicator's or rubric's id (the classification workflow's name, or
/// <c>IntegratedAssessment</c>); <paramref name="FileName"/> the active version's file it came from, where the rule set
/// knows it; <paramref name="Description"/> says in Russian what would no longer be evaluated.
/// </summary>
public sealed record RuleSetRemoval(RuleSetRemovalKind Kind, string Name, string? FileName, string Description);
