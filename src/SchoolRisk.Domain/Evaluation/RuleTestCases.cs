using System.Text.Json;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>
/// The test cases a rule file carries next to its rules, in a <c>TestCases</c> array that RulesEngine ignores:
/// <c>{ "Name": "...", "Input": { "ege_below_min_share": 10 }, "Expect": { "ege_below_min_share": "high" } }</c>.
/// Inputs are written as in an upload (numbers, or words for flags and zones; <c>null</c> for a missing value).
/// Cases with a <c>School</c> belong to the classification workflow (<see cref="ClassificationTestCases"/>), cases with a
/// <c>Total</c> or <c>Scores</c> to a rubric (<see cref="RubricTestCases"/>), cases with <c>Schools</c> to the integrated assessment (<see cref="AssessmentTestCases"/>), cases with <c>LowResults</c> to the low-result group (<see cref="RiskGroupTestCases"/>), cases with <c>Situation</c> to the recommendations (<see cref="RecommendationTestCases"/>).
/// </summary>
public static class RuleTestCases
{
    /// <summary>The id a test case is evaluated under: a case is no school of the registry.</summary>
    private static readonly SchoolId TestSchool = SchoolId.Parse("test");

    public static IReadOnlyList<RuleTestCase> Read(RuleFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var number = 0;
        return file.ReadTestCases(
            testCase => !testCase.TryGetProperty("School", out _) && !testCase.TryGetProperty("Schools", out _) && !RubricTestCases.IsRubricCase(testCase)
                && !RiskGroupTestCases.IsRiskGroupCase(testCase) && !RecommendationTestCases.IsRecommendationCase(testCase),
            testCase => Read(file.Name, testCase, ++number));
    }

    /// <summary>Runs test cases; returns one line per expectation not met, naming file, case, indicator, expected and actual zone.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(
        SchoolEvaluator evaluator, IEnumerable<RuleTestCase> cases, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(cases);
        var failures = new List<string>();
        foreach (var testCase in cases)
        {
            var evaluation = evaluator.Evaluate(new SchoolRow(0, TestSchool, testCase.Name, testCase.Input));
            failures.AddRange(testCase.Expect
                .Where(expect => evaluation.ZoneOf(expect.Key.Id) != expect.Value)
                .Select(expect =>
                    $"{testCase}: {expect.Key.Id} — ожидалась зона {expect.Value.ToKey()}, получилась {evaluation.ZoneOf(expect.Key.Id).ToKey()}"));
        }

        return failures;
    }

    private static RuleTestCase Read(string fileName, JsonElement testCase, int number)
    {
        var name = testCase.TryGetProperty("Name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : $"№{number}";
        string Where() => $"{fileName}, тестовый пример «{name}»";
        if (!testCase.TryGetProperty("Input", out var input) || input.ValueKind != JsonValueKind.Object
            || !testCase.TryGetProperty("Expect", out var expect) || expect.ValueKind != JsonValueKind.Object)
        {
            throw new RuleSetException($"{Where()}: нужны объект Input и объект Expect.");
        }

        var values = ReadInput(input, Where);
        var expected = expect.EnumerateObject().ToDictionary(
            property => Indicator(property.Name, Where),
            property => ZoneNames.TryParse(property.Value.GetString(), out var zone)
                ? zone
                : throw new RuleSetException($"{Where()}: ожидаемая зона {property.Name} должна быть \"high\", \"medium\" или \"none\"."));
        return new RuleTestCase(fileName, name, values, expected);
    }

    /// <summary>A school's values as a test case writes them: indicator ids to numbers, words for flags and zones, or <c>null</c>.</summary>
    internal static SchoolIndicators ReadInput(JsonElement input, Func<string> where) =>
        SchoolIndicators.Create(input.EnumerateObject().Select(property =>
        {
            var indicator = Indicator(property.Name, where);
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                return new KeyValuePair<Indicator, decimal?>(indicator, null);
            }

            var text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            return indicator.Unit.TryParse(text, out var value, out var problem)
                ? new KeyValuePair<Indicator, decimal?>(indicator, value)
                : throw new RuleSetException($"{where()}: значение {property.Name} = {text}: {problem}.");
        }).ToList());

    private static Indicator Indicator(string id, Func<string> where) =>
        IndicatorCatalog.Find(id) ?? throw new RuleSetException($"{where()}: показателя «{id}» нет в каталоге показателей.");
}
