using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Support;

/// <summary>
/// The kinds of support decided for each school in one period, as the recommendation rules read them
/// (<see cref="Recommendations.RecommendationInput.Supported"/>, …): so that a measure the committee has already taken is
/// not recommended again.
/// </summary>
public sealed class DecidedSupport
{
    private readonly Dictionary<SchoolId, HashSet<SupportKind>> _kinds;

    /// <param name="decisions">The period's decisions; any order, a school may have several kinds.</param>
    public DecidedSupport(IEnumerable<SupportDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        _kinds = decisions.GroupBy(decision => decision.SchoolId).ToDictionary(school => school.Key, school => school.Select(decision => decision.Kind).ToHashSet());
    }

    /// <summary>No support decided for any school.</summary>
    public static DecidedSupport None { get; } = new([]);

    /// <summary>The kinds decided for <paramref name="schoolId"/>; empty when none.</summary>
    public IReadOnlySet<SupportKind> Of(SchoolId schoolId) => _kinds.TryGetValue(schoolId, out var kinds) ? kinds : [];
}
