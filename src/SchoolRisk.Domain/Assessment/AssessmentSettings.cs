using System.Text.Json;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Evaluation.Shape;
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

    /// <summary>Reads the file's <c>IntegratedAssessment</c> section, whose shape the schema checked; throws <see cref="RuleSetException"/> for a value that cannot be used.</summary>
    public static AssessmentSettings Read(string fileName, JsonElement section)
    {
        string Where() => $"{fileName}, раздел IntegratedAssessment";
        decimal Number(JsonElement element, string key) => ExactDecimal.TryRead(element, out var value)
            ? value
            : throw new RuleSetException($"{Where()}, {key}: {ExactDecimal.Problem(element)}.");

        var directions = section.GetProperty(nameof(Directions)).EnumerateArray().Select(direction => new AssessmentDirection(
            direction.GetProperty("Id").GetString()!,
            direction.GetProperty("Title").GetString()!,
            Number(direction.GetProperty("Weight"), "Weight"),
            [.. direction.GetProperty("Measures").EnumerateArray().Select(measure => Measure(measure.GetString()!, Where))])).ToList();
        if (directions.Any(direction => direction.Weight < 0))
        {
            throw new RuleSetException($"{Where()}: вес направления (Weight) не может быть отрицательным.");
        }

        var levels = section.GetProperty("Levels");
        var top = section.GetProperty("Top");
        return new AssessmentSettings(
            directions,
            Number(levels.GetProperty(nameof(HighFromPercentile)), nameof(HighFromPercentile)),
            Number(levels.GetProperty(nameof(LowBelowPercentile)), nameof(LowBelowPercentile)),
            Whole(top.GetProperty("Secondary")),
            Whole(top.GetProperty("Basic")),
            Whole(top.GetProperty(nameof(Leaders))));

        int Whole(JsonElement element) => element.TryGetInt32(out var value)
            ? value
            : throw new RuleSetException($"{Where()}, Top: {element.GetRawText()} — слишком большое число.");
    }

    private static string Measure(string id, Func<string> where) =>
        id == ResultsIndexMeasure || IndicatorCatalog.Find(id) is not null
            ? id
            : throw new RuleSetException($"{where()}: мера «{id}» — не results_index и не показатель каталога.");
}

/// <summary>A direction of the integrated assessment: a weighted mean of its measures' regional z-scores, higher is better.</summary>
public sealed record AssessmentDirection(string Id, string Title, decimal Weight, IReadOnlyList<string> Measures);
