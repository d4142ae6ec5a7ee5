using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Application.Rules;

/// <summary>
/// A preview: the candidate's version and the schools of <see cref="Period"/> whose zone it would change, and
/// <see cref="Removed"/>, what of the active version it would no longer evaluate (listed, not refused); or, when the
/// candidate fails validation or a rule throws on the period's data, every <see cref="Problems"/> entry (in Russian:
/// file, rule, what is wrong; for a rule that throws, the schools and values) and no changes. The version is
/// <c>null</c> only when the candidate does not load.
/// </summary>
public sealed record RulePreviewResult(
    Period Period, RuleSetVersion? CandidateVersion, IReadOnlyList<string> Problems, int SchoolsEvaluated, IReadOnlyList<ZoneChange> Changes, IReadOnlyList<RuleSetRemoval> Removed);
