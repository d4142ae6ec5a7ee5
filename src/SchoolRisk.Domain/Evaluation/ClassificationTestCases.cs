using System.Text.Json;
using SchoolRisk.Domain.Classification;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>
/// Test cases of the classification workflow, in its file's <c>TestCases</c>: a school (<see cref="ClassificationInput"/>
/// fields), a region given by its values of each index, and the decisions expected:
/// <c>{ "Name": "...", "School": { "ResultsIndex": -4 }, "Region": { "ResultsIndex": [-5, ..., 5], "SocialWellbeingIndex": [...] },
/// "Expect": { "low_results": true } }</c>.
/// </summary>
public static class ClassificationTestCases
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static IReadOnlyList<ClassificationTestCase> Read(RuleFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.ReadTestCases(testCase => testCase.TryGetProperty("School", out _), testCase => Read(file.Name, testCase));
    }

    /// <summary>Runs test cases; returns one line per expectation not met, naming file, case, classification, expected and actual.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(RuleSet ruleSet, IEnumerable<ClassificationTestCase> cases)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(cases);
        var failures = new List<string>();
        foreach (var testCase in cases)
        {
            var decided = await ruleSet.ClassifyAsync(testCase.School, testCase.Region);
            failures.AddRange(testCase.Expect
                .Where(expect => decided.Contains(expect.Key) != expect.Value)
                .Select(expect => $"{testCase.FileName}, тестовый пример «{testCase.Name}»: {expect.Key.ToKey()} — ожидалось {Word(expect.Value)}, получилось {Word(decided.Contains(expect.Key))}"));
        }

        return failures;
    }

    private static ClassificationTestCase Read(string fileName, JsonElement testCase)
    {
        var name = testCase.TryGetProperty("Name", out var n) ? n.GetString() ?? "?" : "?";
        string Where() => $"{fileName}, тестовый пример «{name}»";
        try
        {
            var school = testCase.GetProperty("School").Deserialize<ClassificationInput>(Json)!;
            var region = testCase.GetProperty("Region");
            var expect = testCase.GetProperty("Expect").EnumerateObject().ToDictionary(
                property => ClassificationKinds.TryParse(property.Name, out var kind)
                    ? kind
                    : throw new RuleSetException($"{Where()}: «{property.Name}» — не классификация; допустимы {string.Join(", ", ClassificationKinds.Keys)}."),
                property => property.Value.GetBoolean());
            return new ClassificationTestCase(fileName, name, school, RegionalDistribution.FromIndices(Values(region, "ResultsIndex"), Values(region, "SocialWellbeingIndex")), expect);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new RuleSetException($"{Where()}: {exception.Message}", exception);
        }
    }

    private static string Word(bool value) => value ? "true (да)" : "false (нет)";

    private static IEnumerable<decimal> Values(JsonElement region, string name) =>
        region.TryGetProperty(name, out var values) ? values.EnumerateArray().Select(value => value.GetDecimal()) : [];
}
