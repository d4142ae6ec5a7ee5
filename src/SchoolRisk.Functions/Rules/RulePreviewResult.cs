using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Functions.Rules;

/// <summary>
/// A preview: the candidate's version and the schools of <see cref="Period"/> whose zone it would change, or, when the
/// candidate fails validation, no version and every <see cref="Problems"/> (file, rule, what is wrong).
/// </summary>
public sealed record RulePreviewResult(Period Period, string? CandidateVersion, IReadOnlyList<string> Problems, int SchoolsEvaluated, IReadOnlyList<ZoneChange> Changes);
