using System.Text.Json;
using SchoolRisk.Domain.Assessment;
using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Rubrics;

namespace SchoolRisk.Domain.Evaluation.Editing;

/// <summary>
/// A rule set's numbers as the administrator's table shows them, each with the file and rule that hold it (what a
/// <see cref="RuleNumberEdit"/> addresses): every indicator's medium and high thresholds with its title, unit and
/// direction; the classification cut-offs (<c>Properties.Parameters</c> of the classification rules); the rubric bands;
/// the integrated assessment's weights, level percentiles and TOP sizes.
/// </summary>
public sealed record RuleTable(
    IReadOnlyList<IndicatorThresholds> Indicators,
    IReadOnlyList<ClassificationCutOffs> Classifications,
    IReadOnlyList<RubricBands> Rubrics,
    AssessmentWeights? Assessment)
{
    private static readonly JsonDocumentOptions Reading = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 };

    /// <summary>The table of <paramref name="ruleSet"/>, loaded from <paramref name="files"/> (which give the file of each section and the classification parameters).</summary>
    public static RuleTable Of(RuleSet ruleSet, IReadOnlyList<RuleFile> files)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(files);
        var indicators = ruleSet.ZoneRules
            .GroupBy(rule => rule.Indicator.Id, StringComparer.Ordinal)
            .Select(group =>
            {
                var indicator = group.First().Indicator;
                ThresholdCell? Cell(Zones.Zone zone) => group.FirstOrDefault(rule => rule.Zone == zone) is { } rule ? new ThresholdCell(rule.RuleName, rule.Threshold) : null;
                return new IndicatorThresholds(
                    indicator.Id, indicator.Title, indicator.Unit, indicator.Unit.Symbol(), indicator.WorseWhen, group.First().FileName, Cell(Zones.Zone.Medium), Cell(Zones.Zone.High));
            })
            .ToList();
        var rubrics = ruleSet.Rubrics.Values
            .OrderBy(rubric => rubric.FileName, StringComparer.Ordinal)
            .Select(rubric => new RubricBands(rubric.FileName, rubric.Id, rubric.Title, rubric.Level, rubric.Items, rubric.MaxScore, rubric.Bands))
            .ToList();
        var assessmentFile = files.FirstOrDefault(file => Root(file) is { } root && root.TryGetProperty("IntegratedAssessment", out _))?.Name;
        var assessment = ruleSet.Assessment is { } settings && assessmentFile is not null
            ? new AssessmentWeights(assessmentFile, settings.Directions, settings.HighFromPercentile, settings.LowBelowPercentile, settings.TopSecondary, settings.TopBasic, settings.Leaders)
            : null;
        return new RuleTable(indicators, [.. files.SelectMany(ClassificationsOf)], rubrics, assessment);
    }

    private static IEnumerable<ClassificationCutOffs> ClassificationsOf(RuleFile file)
    {
        if (Root(file) is not { } root || !root.TryGetProperty("Rules", out var rules) || rules.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var rule in rules.EnumerateArray())
        {
            if (rule.ValueKind == JsonValueKind.Object && rule.TryGetProperty("Properties", out var properties) && properties.ValueKind == JsonValueKind.Object
                && properties.TryGetProperty("Classification", out var key) && ClassificationKinds.TryParse(key.GetString(), out var kind)
                && rule.TryGetProperty("RuleName", out var name))
            {
                var parameters = properties.TryGetProperty("Parameters", out var found) && found.ValueKind == JsonValueKind.Object
                    ? found.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetDecimal(out _))
                        .Select(p => new CutOff(p.Name, p.Value.GetDecimal())).ToList()
                    : [];
                yield return new ClassificationCutOffs(file.Name, name.GetString() ?? string.Empty, kind, RuleFailures.ClassificationTitle(kind), parameters);
            }
        }
    }

    private static JsonElement? Root(RuleFile file)
    {
        try
        {
            using var document = JsonDocument.Parse(file.Json, Reading);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// An indicator's thresholds, with its catalog id, Russian title, unit (and its symbol as written after a value: «%»,
/// «шт.», «на 1000»), which direction is worse, and the rule file that holds its rules; <see cref="Medium"/> and
/// <see cref="High"/> are <c>null</c> when the rule set has no rule for that zone.
/// </summary>
public sealed record IndicatorThresholds(
    string Id, string Title, IndicatorUnit Unit, string UnitSymbol, WorseWhen WorseWhen, string File, ThresholdCell? Medium, ThresholdCell? High);

/// <summary>A zone rule's threshold (<c>Properties.Threshold</c>) and the rule's name.</summary>
public sealed record ThresholdCell(string Rule, decimal Threshold);

/// <summary>A classification rule and the numbers it uses (<c>Properties.Parameters</c>), with its Russian title.</summary>
public sealed record ClassificationCutOffs(string File, string Rule, ClassificationKind Classification, string Title, IReadOnlyList<CutOff> Parameters);

/// <summary>A named number of a classification rule: <c>percentile</c> = 10.</summary>
public sealed record CutOff(string Name, decimal Value);

/// <summary>A rubric and its bands (totals <c>From</c>–<c>To</c>, inclusive, out of <see cref="MaxScore"/>).</summary>
public sealed record RubricBands(string File, string Id, string Title, RubricLevel Level, int Items, int MaxScore, IReadOnlyList<RubricBand> Bands);

/// <summary>The integrated assessment's numbers: the directions' weights, the level percentiles, the TOP sizes.</summary>
public sealed record AssessmentWeights(
    string File, IReadOnlyList<AssessmentDirection> Directions, decimal HighFromPercentile, decimal LowBelowPercentile, int TopSecondary, int TopBasic, int Leaders);
