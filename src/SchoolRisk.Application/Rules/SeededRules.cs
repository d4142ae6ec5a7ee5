using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Storage.Rules;

namespace SchoolRisk.Application.Rules;

/// <summary>What <see cref="RuleActivationWorkflow.SeedAsync"/> did.</summary>
/// <param name="Activation">The outcome: activated, unchanged (a version was active already) or rejected with its problems.</param>
/// <param name="Activated">The rule set it validated and activated, loaded; <c>null</c> unless it activated one.</param>
public sealed record SeededRules(RuleActivation Activation, RuleSet? Activated);
