using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Rubrics;

/// <summary>A rubric evaluated for one subject: the total, the band it falls in and the risk zone the band maps to.</summary>
public sealed record RubricResult(string RubricId, RubricLevel Level, string Subject, string SubjectName, RubricScores Scores, int MaxScore, RubricBand Band)
{
    /// <summary>The rubric's title as people know it (the rule file's <c>Rubric.Title</c>); empty in notices stored before titles were kept.</summary>
    public string Title { get; init; } = string.Empty;

    public int Total => Scores.Total;

    public Zone Zone => Band.Zone;

    /// <summary>
    /// The municipality's zone from its own rubrics (level <see cref="RubricLevel.Municipality"/>): the worst band's zone,
    /// so a rubric in its low band puts the municipality in the high risk zone (docs/methodology.md, section 6).
    /// </summary>
    public static Zone MunicipalZoneOf(IEnumerable<RubricResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results.Where(result => result.Level == RubricLevel.Municipality).Select(result => result.Zone).DefaultIfEmpty(Zone.None).Max();
    }
}
