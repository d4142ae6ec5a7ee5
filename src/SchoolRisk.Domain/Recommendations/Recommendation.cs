namespace SchoolRisk.Domain.Recommendations;

/// <summary>
/// A measure the methodology recommends for a school's situation, from one rule of the recommendations file: the rule's
/// name, to whom it is addressed, the measure and the reason it applies, both in Russian as the file writes them, and
/// whether it concerns the school's municipality as a whole (<c>"Concerns": "municipality"</c>), so that reports show it
/// once per municipality rather than on every school (<see cref="RecommendationLists"/>).
/// </summary>
public sealed record Recommendation(string RuleName, Addressee Addressee, string Measure, string Reason, bool ConcernsMunicipality = false)
{
    /// <summary>As a letter or note says it: «школе: мера (основание: причина)».</summary>
    public override string ToString() => $"{Addressee.Title()}: {Measure} (основание: {Reason})";
}
