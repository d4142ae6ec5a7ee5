using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Application.Rules;

/// <summary>
/// Whether a candidate rule set may be activated (<see cref="RuleCandidateCheck"/>): <see cref="RuleSet"/>, loaded and
/// checked, when there is no problem; otherwise every problem in Russian (validation, blocks it would remove without the
/// administrator's leave, rules that throw on the stored data of <see cref="CheckedPeriod"/>). <see cref="Removed"/>
/// lists what it would no longer evaluate, allowed or not.
/// </summary>
public sealed record RuleCandidateVerdict(RuleSet? RuleSet, IReadOnlyList<string> Problems, IReadOnlyList<RuleSetRemoval> Removed, Period? CheckedPeriod);
