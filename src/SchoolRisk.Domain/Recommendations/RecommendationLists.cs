namespace SchoolRisk.Domain.Recommendations;

/// <summary>
/// How reports split the recommendations of a municipality's schools: the measures about each school, listed with it,
/// and the measures about the municipality as a whole (<see cref="Recommendation.ConcernsMunicipality"/>), listed once.
/// </summary>
public static class RecommendationLists
{
    /// <summary>The measures of <paramref name="recommendations"/> about the school itself, in their order.</summary>
    public static IReadOnlyList<Recommendation> AboutTheSchool(this IEnumerable<Recommendation> recommendations) =>
        [.. recommendations.Where(recommendation => !recommendation.ConcernsMunicipality)];

    /// <summary>
    /// The measures about the municipality as a whole among its schools' <paramref name="recommendations"/>: each rule once,
    /// in the order first met.
    /// </summary>
    public static IReadOnlyList<Recommendation> AboutTheMunicipality(this IEnumerable<IEnumerable<Recommendation>> recommendations) =>
        [.. recommendations.SelectMany(school => school).Where(recommendation => recommendation.ConcernsMunicipality).DistinctBy(recommendation => recommendation.RuleName)];
}
