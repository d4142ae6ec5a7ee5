using System.Reflection;
using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Rubrics;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Evaluation.Expressions;

/// <summary>
/// The values the rule inputs' properties and the region's percentile methods can have: what
/// <see cref="TotalityAnalysis"/> assumes of its leaves. A property not listed here (a list, a distribution) is no number
/// and rules may not read it.
/// </summary>
internal static class InputRanges
{
    /// <summary>
    /// The academic results index's bound: it is the mean of a school's regional z-scores, and a z-score in a sample of
    /// n values is less than √n in magnitude (the sample standard deviation divides by n − 1), so 10 000 holds for any
    /// region of fewer than 10⁸ schools (Russia has about 40 000). The percentile's result interpolates between values.
    /// </summary>
    public const decimal ResultsIndexBound = 10_000m;

    private static readonly Dictionary<PropertyInfo, ValueRange> Properties = Create();

    /// <summary>The values of an input's property; <c>null</c> when rules may not read it (not a number or a flag).</summary>
    public static ValueRange? Of(PropertyInfo property) => Properties.TryGetValue(property, out var range) ? range : null;

    /// <summary>
    /// What <see cref="RegionalDistribution.ResultsIndexAt"/> and <see cref="RegionalDistribution.SocialWellbeingIndexAt"/>
    /// return: a value among the region's (interpolated), or <c>null</c> for a region with no values
    /// (<see cref="Distribution.At"/>; it never throws: any percentile is clamped to 0–100).
    /// </summary>
    public static ValueRange? OfPercentile(MethodInfo method) => method.Name switch
    {
        nameof(RegionalDistribution.ResultsIndexAt) => ValueRange.Between(-ResultsIndexBound, ResultsIndexBound, mayBeNull: true),
        nameof(RegionalDistribution.SocialWellbeingIndexAt) => OfUnit(IndicatorUnit.Index),
        _ => null,
    };

    /// <summary>
    /// A unit's range, the one values of it are read with everywhere (<see cref="IndicatorUnits.Range"/> and
    /// <see cref="IndicatorUnits.InRange"/>: thresholds, test cases, uploads): whole numbers for a flag or a zone. A value
    /// may be missing (<c>null</c>).
    /// </summary>
    private static ValueRange OfUnit(IndicatorUnit unit)
    {
        var (min, max, _) = unit.Range();
        return ValueRange.Between(min, max, mayBeNull: true, integral: unit is IndicatorUnit.Flag or IndicatorUnit.Zone);
    }

    private static Dictionary<PropertyInfo, ValueRange> Create()
    {
        var ranges = IndicatorCatalog.All.ToDictionary(
            indicator => typeof(SchoolIndicators).GetProperty(indicator.PropertyName)!, indicator => OfUnit(indicator.Unit));

        // ClassificationInput, as SchoolClassifier fills it: the indices and shares from the school's indicators, the
        // registry's enrolment (digits only, SchoolRegistry; int.MaxValue for a school it does not know), zones 0–2, and
        // counts of the catalog's indicators.
        var input = typeof(ClassificationInput);
        ranges[input.GetProperty(nameof(ClassificationInput.ResultsIndex))!] = ValueRange.Between(-ResultsIndexBound, ResultsIndexBound, mayBeNull: true);
        ranges[input.GetProperty(nameof(ClassificationInput.SocialWellbeingIndex))!] = OfUnit(IndicatorCatalog.SocialWellbeingIndex.Unit);
        ranges[input.GetProperty(nameof(ClassificationInput.OvzShare))!] = OfUnit(IndicatorCatalog.OvzShare.Unit);
        ranges[input.GetProperty(nameof(ClassificationInput.MigrantShare))!] = OfUnit(IndicatorCatalog.MigrantShare.Unit);
        ranges[input.GetProperty(nameof(ClassificationInput.Remote))!] = ValueRange.Between(0, 1, integral: true);
        ranges[input.GetProperty(nameof(ClassificationInput.Enrolment))!] = ValueRange.Between(0, int.MaxValue, integral: true);
        ranges[input.GetProperty(nameof(ClassificationInput.VprLoweredZone))!] = ValueRange.Between(0, 2, integral: true);
        ranges[input.GetProperty(nameof(ClassificationInput.MedalistsZone))!] = ValueRange.Between(0, 2, integral: true);
        ranges[input.GetProperty(nameof(ClassificationInput.IndicatorsWithValue))!] = ValueRange.Between(0, IndicatorCatalog.All.Count, integral: true);
        ranges[input.GetProperty(nameof(ClassificationInput.IndicatorsMeetingThresholds))!] = ValueRange.Between(0, IndicatorCatalog.All.Count, integral: true);

        // RecommendationInput, as RecommendationInput.Of fills it: zones 0–2 and flags.
        foreach (var property in typeof(Recommendations.RecommendationInput).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            ranges[property] = property.PropertyType == typeof(bool) ? ValueRange.Between(0, 1, integral: true) : ValueRange.Between(0, 2, integral: true);
        }

        // A rubric's total: at most 200 items (RubricRules) scored 0, 1 or 2 (Rubric.Check).
        ranges[typeof(RubricScores).GetProperty(nameof(RubricScores.Total))!] = ValueRange.Between(0, 400, integral: true);
        return ranges;
    }
}
