using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Results;

namespace SchoolRisk.Application.Recalculation;

/// <summary>
/// Every stored school of <see cref="Period"/> evaluated by one rule set, in the order the period was read, and the rules
/// that threw on them (<see cref="Failures"/>: each left what it decides not evaluated for its school), including
/// <see cref="AssessmentFailure"/> when the integrated assessment of the period could not be computed (no school then has one).
/// </summary>
public sealed record PeriodEvaluation(Period Period, IReadOnlyList<(StoredInput Stored, SchoolEvaluation Evaluation)> Schools, RuleFailure? AssessmentFailure)
{
    /// <summary>Every rule that threw, school by school, then the assessment's failure if any.</summary>
    public IReadOnlyList<RuleFailure> Failures =>
        [.. Schools.SelectMany(pair => pair.Evaluation.Failures), .. AssessmentFailure is { } failure ? [failure] : Array.Empty<RuleFailure>()];
}
