using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Application.Rules;

/// <summary>
/// A preview: the candidate's version, the schools of <see cref="Period"/> whose zone it would change, those whose
/// addressed recommendations it would change (<see cref="RecommendationChanges"/>), and
/// <see cref="Removed"/>, what of the active version it would no longer evaluate (listed, not refused); or, when the
/// candidate fails validation or a rule throws on the period's data, every <see cref="Problems"/> entry (in Russian:
/// file, rule, what is wrong; for a rule that throws, the schools and values) and no changes. The version is
/// <c>null</c> only when the candidate does not load.
/// </summary>
public sealed record RulePreviewResult(
    Period Period, RuleSetVersion? CandidateVersion, IReadOnlyList<string> Problems, int SchoolsEvaluated, IReadOnlyList<ZoneChange> Changes, IReadOnlyList<RuleSetRemoval> Removed)
{
    /// <summary>The schools whose addressed recommendations the candidate would change, by municipality and school; empty with problems or no active version to compare with.</summary>
    public IReadOnlyList<RecommendationChange> RecommendationChanges { get; init; } = [];
}
