using System.Text.Json;
using SchoolRisk.Domain.Recommendations;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>
/// Test cases of the recommendations file, in its <c>TestCases</c>: a school's <c>Situation</c> (the properties of
/// <see cref="RecommendationInput"/>; those not written are 0 or false) and the rules expected to apply, exactly:
/// <c>{ "Name": "...", "Situation": { "LowResults": true }, "Expect": ["low_results.school"] }</c>. Every rule must apply
/// in at least one case (<see cref="RunAsync"/>), as every threshold needs a case on it.
/// </summary>
public static class RecommendationTestCases
{
    private static readonly JsonSerializerOptions Reading = new() { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    /// <summary>Whether a test case belongs here (it has <c>Situation</c>).</summary>
    internal static bool IsRecommendationCase(JsonElement testCase) => testCase.TryGetProperty("Situation", out _);

    public static IReadOnlyList<RecommendationTestCase> Read(RuleFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var number = 0;
        return file.ReadTestCases(IsRecommendationCase, testCase => Read(file.Name, testCase, ++number));
    }

    /// <summary>
    /// Runs the cases: one line per case whose applying rules differ from the expected (naming the extra and the missing),
    /// and one per rule of the file that no case expects.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RunAsync(RuleSet ruleSet, string fileName, IReadOnlyList<RecommendationTestCase> cases)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(cases);
        var failures = new List<string>();
        foreach (var testCase in cases)
        {
            var applied = (await ruleSet.RecommendAsync(testCase.Situation)).Select(recommendation => recommendation.RuleName).ToHashSet(StringComparer.Ordinal);
            var extra = applied.Where(rule => !testCase.Expect.Contains(rule, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
            var missing = testCase.Expect.Where(rule => !applied.Contains(rule)).ToList();
            if (extra.Count + missing.Count > 0)
            {
                failures.Add($"{testCase}: " + string.Join("; ", new[]
                {
                    missing.Count > 0 ? $"ожидались, но не сработали: {string.Join(", ", missing)}" : null,
                    extra.Count > 0 ? $"сработали без ожидания: {string.Join(", ", extra)}" : null,
                }.OfType<string>()));
            }
        }

        var expected = cases.SelectMany(testCase => testCase.Expect).ToHashSet(StringComparer.Ordinal);
        failures.AddRange(ruleSet.Recommendations.Where(rule => !expected.Contains(rule.RuleName))
            .Select(rule => $"{fileName}, правило «{rule.RuleName}»: нет тестового примера, где оно срабатывает; добавьте его."));
        return failures;
    }

    private static RecommendationTestCase Read(string fileName, JsonElement testCase, int number)
    {
        var name = testCase.TryGetProperty("Name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : $"№{number}";
        RecommendationInput situation;
        try
        {
            situation = testCase.GetProperty("Situation").Deserialize<RecommendationInput>(Reading) ?? RecommendationInput.Empty;
        }
        catch (JsonException exception)
        {
            throw new RuleSetException($"{fileName}, тестовый пример «{name}»: Situation не читается ({exception.Message}).", exception);
        }

        return new RecommendationTestCase(fileName, name, situation, [.. testCase.GetProperty("Expect").EnumerateArray().Select(rule => rule.GetString()!)]);
    }
}
