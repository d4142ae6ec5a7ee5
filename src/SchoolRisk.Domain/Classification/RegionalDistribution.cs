using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Classification;

/// <summary>
/// The region's distribution of each indicator and of the academic results index for one period: the
/// classification rules' <c>input2</c>. The results index of a school is the mean of its regional z-scores over the
/// result indicators it reports (at least <see cref="MinimumResultIndicators"/>), each turned so that higher is better.
/// </summary>
public sealed class RegionalDistribution
{
    /// <summary>How many result indicators a school must report to have a results index.</summary>
    public const int MinimumResultIndicators = 2;

    /// <summary>The result indicators the academic results index is made of (docs/methodology.md, section 4.1).</summary>
    public static IReadOnlyList<Indicator> ResultIndicators { get; } =
    [
        IndicatorCatalog.EgeBelowMinShare, IndicatorCatalog.OgeFailShare, IndicatorCatalog.MinLevelShare,
        IndicatorCatalog.HighLevelShare, IndicatorCatalog.VprFailShare, IndicatorCatalog.FunctionalLiteracyShare,
    ];

    private readonly Dictionary<Indicator, Distribution> _byIndicator;

    private RegionalDistribution(Dictionary<Indicator, Distribution> byIndicator, Distribution socialWellbeingIndex)
    {
        _byIndicator = byIndicator;
        SocialWellbeingIndex = socialWellbeingIndex;
        ResultsIndex = Distribution.Empty;
    }

    public static RegionalDistribution Empty { get; } = Of([]);

    /// <summary>Distribution of the academic results index over the region's schools.</summary>
    public Distribution ResultsIndex { get; private set; }

    public Distribution SocialWellbeingIndex { get; }

    public static RegionalDistribution Of(IReadOnlyCollection<SchoolIndicators> schools)
    {
        ArgumentNullException.ThrowIfNull(schools);
        var byIndicator = IndicatorCatalog.All.ToDictionary(
            indicator => indicator,
            indicator => new Distribution(schools.Select(indicator.ValueOf).OfType<decimal>()));
        var region = new RegionalDistribution(
            byIndicator, new Distribution(schools.Select(IndicatorCatalog.SocialWellbeingIndex.ValueOf).OfType<decimal>()));
        region.ResultsIndex = new Distribution(schools.Select(region.ResultsIndexOf).OfType<decimal>());
        return region;
    }

    /// <summary>A region known only by its values of the two indices, as a classification test case gives it.</summary>
    public static RegionalDistribution FromIndices(IEnumerable<decimal> resultsIndex, IEnumerable<decimal> socialWellbeingIndex) =>
        new([], new Distribution(socialWellbeingIndex)) { ResultsIndex = new Distribution(resultsIndex) };

    public Distribution Of(Indicator indicator) => _byIndicator.GetValueOrDefault(indicator) ?? Distribution.Empty;

    /// <summary>The school's academic results index, or <c>null</c> when it reports too few result indicators.</summary>
    public decimal? ResultsIndexOf(SchoolIndicators school)
    {
        ArgumentNullException.ThrowIfNull(school);
        var scores = ResultIndicators
            .Select(indicator => indicator.ValueOf(school) is { } value && Of(indicator).ZScore(value) is { } z
                ? indicator.WorseWhen == WorseWhen.Higher ? -z : z
                : (decimal?)null)
            .OfType<decimal>()
            .ToList();
        return scores.Count >= MinimumResultIndicators ? Math.Round(scores.Average(), 4) : null;
    }

    /// <summary>For rules: the results index below which <paramref name="percentile"/> percent of the region's schools lie.</summary>
    public decimal? ResultsIndexAt(decimal percentile) => ResultsIndex.At(percentile);

    /// <summary>For rules: the social well-being index below which <paramref name="percentile"/> percent of the region's schools lie.</summary>
    public decimal? SocialWellbeingIndexAt(decimal percentile) => SocialWellbeingIndex.At(percentile);
}
