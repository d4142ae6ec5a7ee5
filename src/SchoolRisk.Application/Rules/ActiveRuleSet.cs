using SchoolRisk.Domain.Evaluation;

namespace SchoolRisk.Application.Rules;

/// <summary>
/// The rule set an instance evaluates with and the moment its version was activated: an activation's identity, so that a
/// version activated again (A → B → A) is a new activation, whose zone moves are told anew.
/// </summary>
public sealed record ActiveRuleSet(RuleSet RuleSet, DateTimeOffset ActivatedAt);
