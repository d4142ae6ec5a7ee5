using SchoolRisk.Application.Recalculation;

namespace SchoolRisk.Application.Rules;

/// <summary>
/// A candidate rule set run on a period's stored data (<see cref="RuleCandidateCheck.RunOnAsync"/>): the schools as it
/// evaluates them (<c>null</c> when the evaluation itself failed), and in Russian every rule that threw on them or on
/// the period's rubric scores, one problem per rule («{file}, правило «{rule}»: …»).
/// </summary>
public sealed record RuleDataRun(PeriodEvaluation? Evaluation, IReadOnlyList<string> Problems);
