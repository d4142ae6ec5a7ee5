using System.Text.Json;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Indicators;

namespace SchoolRisk.Domain.Assessment;

/// <summary>
/// The integrated assessment's settings, from the rule file with an <c>IntegratedAssessment</c> section: six
/// directions, each with its weight and the measures it is made of (catalog indicators, or <c>results_index</c>), the
/// percentiles of the composite that bound the levels, and the sizes of the TOP lists.
/// </summary>
public sealed record AssessmentSettings(
    IReadOnlyList<AssessmentDirection> Directions,
    decimal HighFromPercentile,
    decimal LowBelowPercentile,
    int TopSecondary,
    int TopBasic,
    int Leaders)
{
    public const string ResultsIndexMeasure = "results_index";

    public static AssessmentSettings Read(string fileName, JsonElement section)
    {
        string Where() => $"{fileName}, IntegratedAssessment";
        try
        {
            var directions = section.GetProperty(nameof(Directions)).EnumerateArray().Select(direction => new AssessmentDirection(
                direction.GetProperty("Id").GetString()!,
                direction.GetProperty("Title").GetString()!,
                direction.GetProperty("Weight").GetDecimal(),
                [.. direction.GetProperty("Measures").EnumerateArray().Select(measure => Measure(measure.GetString()!, Where))])).ToList();
            if (directions.Count == 0 || directions.Any(direction => direction.Weight < 0 || direction.Measures.Count == 0))
            {
                throw new RuleSetException($"{Where()}: every direction needs a weight of 0 or more and at least one measure.");
            }

            var levels = section.GetProperty("Levels");
            var top = section.GetProperty("Top");
            return new AssessmentSettings(
                directions,
                levels.GetProperty(nameof(HighFromPercentile)).GetDecimal(),
                levels.GetProperty(nameof(LowBelowPercentile)).GetDecimal(),
                top.GetProperty("Secondary").GetInt32(),
                top.GetProperty("Basic").GetInt32(),
                top.GetProperty(nameof(Leaders)).GetInt32());
        }
        catch (Exception exception) when (exception is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new RuleSetException($"{Where()}: {exception.Message}", exception);
        }
    }

    private static string Measure(string id, Func<string> where) =>
        id == ResultsIndexMeasure || IndicatorCatalog.Find(id) is not null
            ? id
            : throw new RuleSetException($"{where()}: measure '{id}' is neither results_index nor an indicator of the catalog.");
}

/// <summary>A direction of the integrated assessment: a weighted mean of its measures' regional z-scores, higher is better.</summary>
public sealed record AssessmentDirection(string Id, string Title, decimal Weight, IReadOnlyList<string> Measures);
