using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>A zone rule and its expression, compiled: <see cref="IsSatisfiedBy"/> is the rule's <c>IsSuccess</c> for a school.</summary>
internal sealed record CompiledZoneRule(ZoneRule Rule, Func<SchoolIndicators, bool> IsSatisfiedBy);
