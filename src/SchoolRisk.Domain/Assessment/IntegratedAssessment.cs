using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Assessment;

/// <summary>
/// The integrated assessment of a period (docs/methodology.md, section 4.7): per school, a score per direction (the mean of its
/// measures' regional z-scores, turned so that higher is better), a composite weighted by the directions' weights over
/// the directions it has, a level by the composite's regional percentiles, and ranks within secondary and within
/// basic-only schools, with the TOP lists and leaders.
/// </summary>
public static class IntegratedAssessment
{
    /// <param name="settings">Directions, weights, levels and TOP sizes.</param>
    /// <param name="schools">Every school of the region: id, level in the registry (<c>secondary</c> or <c>basic</c>) and values.</param>
    /// <param name="region">The region's distributions.</param>
    public static IReadOnlyDictionary<SchoolId, SchoolAssessment> Assess(
        AssessmentSettings settings, IReadOnlyList<(SchoolId SchoolId, string Level, SchoolIndicators Values)> schools, RegionalDistribution region)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(schools);
        ArgumentNullException.ThrowIfNull(region);
        var scored = schools.Select(school =>
        {
            var directions = settings.Directions.ToDictionary(direction => direction.Id, direction => Score(direction, school.Values, region));
            var weighted = settings.Directions.Where(direction => directions[direction.Id] is not null).ToList();
            var weight = weighted.Sum(direction => direction.Weight);
            var composite = weight > 0 ? Math.Round(weighted.Sum(direction => direction.Weight * directions[direction.Id]!.Value) / weight, 4) : (decimal?)null;
            return (school.SchoolId, school.Level, Directions: directions, Composite: composite);
        }).ToList();

        var composites = new Distribution(scored.Select(school => school.Composite).OfType<decimal>());
        var high = composites.At(settings.HighFromPercentile);
        var low = composites.At(settings.LowBelowPercentile);
        var ranks = scored.Where(school => school.Composite is not null)
            .GroupBy(school => school.Level == "basic")
            .SelectMany(group => group.OrderByDescending(school => school.Composite).ThenBy(school => school.SchoolId)
                .Select((school, index) => (school.SchoolId, Rank: index + 1, Basic: group.Key)))
            .ToDictionary(rank => rank.SchoolId, rank => (rank.Rank, rank.Basic));

        return scored.ToDictionary(school => school.SchoolId, school =>
        {
            var rank = ranks.TryGetValue(school.SchoolId, out var r) ? r : ((int Rank, bool Basic)?)null;
            return new SchoolAssessment(
                school.Directions,
                school.Composite,
                school.Composite is not { } composite ? null
                    : composite >= high ? AssessmentLevel.High
                    : composite < low ? AssessmentLevel.Low
                    : AssessmentLevel.Medium,
                rank?.Rank,
                rank is { } top && top.Rank <= (top.Basic ? settings.TopBasic : settings.TopSecondary),
                rank is { } leader && leader.Rank <= settings.Leaders);
        });
    }

    private static decimal? Score(AssessmentDirection direction, SchoolIndicators values, RegionalDistribution region)
    {
        var scores = direction.Measures.Select(measure => measure == AssessmentSettings.ResultsIndexMeasure
                ? region.ResultsIndexOf(values)
                : IndicatorCatalog.Find(measure) is { } indicator && indicator.ValueOf(values) is { } value && region.Of(indicator).ZScore(value) is { } z
                    ? indicator.WorseWhen == WorseWhen.Higher ? -z : z
                    : null)
            .OfType<decimal>()
            .ToList();
        return scores.Count > 0 ? Math.Round(scores.Average(), 4) : null;
    }
}
