using System.Text.Json;
using SchoolRisk.Domain.Assessment;
using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>
/// Test cases of the integrated assessment, in its file's <c>TestCases</c>: a region of <c>Schools</c>
/// (<c>{ "Id": "s1", "Level": "secondary", "Input": { "retention_share": 99 } }</c>) and what is expected of some:
/// <c>"Expect": { "s1": { "Rank": 1, "Level": "high", "Top": true, "Leader": true } }</c>.
/// </summary>
public static class AssessmentTestCases
{
    public static IReadOnlyList<AssessmentTestCase> Read(RuleFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.ReadTestCases(testCase => testCase.TryGetProperty("Schools", out _), testCase => Read(file.Name, testCase));
    }

    /// <summary>Runs test cases; returns one line per expectation not met, naming file, case, school, what and both values.</summary>
    public static IReadOnlyList<string> Run(AssessmentSettings settings, IEnumerable<AssessmentTestCase> cases)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(cases);
        var failures = new List<string>();
        foreach (var testCase in cases)
        {
            var region = RegionalDistribution.Of([.. testCase.Schools.Select(school => school.Values)]);
            var assessed = IntegratedAssessment.Assess(settings, testCase.Schools, region);
            foreach (var (schoolId, expected) in testCase.Expect)
            {
                var assessment = assessed.GetValueOrDefault(schoolId) ?? SchoolAssessment.None;
                var actual = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                {
                    ["Rank"] = assessment.Rank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none",
                    ["Level"] = assessment.Level?.ToString().ToLowerInvariant() ?? "none",
                    ["Top"] = assessment.Top ? "true" : "false",
                    ["Leader"] = assessment.Leader ? "true" : "false",
                };
                failures.AddRange(expected
                    .Where(pair => !string.Equals(actual.GetValueOrDefault(pair.Key), pair.Value, StringComparison.OrdinalIgnoreCase))
                    .Select(pair => $"{testCase}: {schoolId} {pair.Key} — ожидалось {pair.Value}, получилось {actual.GetValueOrDefault(pair.Key)}"));
            }
        }

        return failures;
    }

    private static AssessmentTestCase Read(string fileName, JsonElement testCase)
    {
        var name = testCase.TryGetProperty("Name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "?";
        string Where() => $"{fileName}, тестовый пример «{name}»";
        SchoolId IdOf(string text) => SchoolId.TryParse(text, out var id) ? id : throw new RuleSetException($"{Where()}: {SchoolId.ProblemOf(text)}");
        try
        {
            var schools = testCase.GetProperty("Schools").EnumerateArray()
                .Select(school => (IdOf(school.GetProperty("Id").GetString()!), school.GetProperty("Level").GetString()!, RuleTestCases.ReadInput(school.GetProperty("Input"), Where)))
                .ToList();
            var expect = testCase.GetProperty("Expect").EnumerateObject().ToDictionary(
                school => IdOf(school.Name),
                school => (IReadOnlyDictionary<string, string>)school.Value.EnumerateObject().ToDictionary(
                    field => field.Name, field => field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString()! : field.Value.GetRawText()));
            return new AssessmentTestCase(fileName, name, schools, expect);
        }
        catch (Exception exception) when (exception is KeyNotFoundException or InvalidOperationException)
        {
            throw new RuleSetException($"{Where()}: нужны Schools (у каждой Id, Level, Input) и Expect: {exception.Message}", exception);
        }
    }
}
