using SchoolRisk.Domain.Evaluation;

namespace SchoolRisk.Storage.Rules;

/// <summary>
/// The pointer to the active rule set version, with the ETag that tells a reader whether it moved, and when the version
/// was activated: each activation has its own moment, so a version activated again (a rollback) is a new activation.
/// </summary>
public sealed record ActiveRules(RuleSetVersion Version, string ETag, DateTimeOffset ActivatedAt);
