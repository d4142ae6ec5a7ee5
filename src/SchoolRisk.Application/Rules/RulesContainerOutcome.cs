using SchoolRisk.Application.Recalculation;

namespace SchoolRisk.Application.Rules;

/// <summary>How a change of the rules container ended (<see cref="RulesContainerActivation.ActivateAsync"/>), as the door's outputs.</summary>
/// <param name="Message">What happened (activated, unchanged, or rejected with the first problems), for the invocation log.</param>
/// <param name="Recalculation">The message for <c>period-recalculations</c> when the activated change asked to re-evaluate a period; <c>null</c> otherwise.</param>
public sealed record RulesContainerOutcome(string Message, RecalculationRequest? Recalculation);
