using SchoolRisk.Domain.Support;

namespace SchoolRisk.Storage.Support;

/// <summary>A decision as <see cref="SupportDecisionTable"/> holds it, with the entity's version: a change or withdrawal applies only to the version it read.</summary>
public sealed record StoredSupportDecision(SupportDecision Decision, string ETag);
