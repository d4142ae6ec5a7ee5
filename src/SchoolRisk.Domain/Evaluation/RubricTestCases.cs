using System.Text.Json;
using SchoolRisk.Domain.Rubrics;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>
/// Test cases of a rubric file, in its <c>TestCases</c>: <c>{ "Name": "...", "Total": 16, "Expect": "medium" }</c> or
/// <c>{ "Name": "...", "Scores": [2, 1, null, ...], "Expect": "error" }</c>. <c>Expect</c> is a band's name, or
/// <c>error</c> when the scores must be refused (a missing item, a score other than 0, 1, 2, a wrong number of items).
/// </summary>
public static class RubricTestCases
{
    /// <summary>The expectation that the scores are refused.</summary>
    public const string Error = "error";

    public static IReadOnlyList<RubricTestCase> Read(RuleFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.ReadTestCases(IsRubricCase, testCase => Read(file.Name, testCase));
    }

    internal static bool IsRubricCase(JsonElement testCase) => testCase.TryGetProperty("Total", out _) || testCase.TryGetProperty("Scores", out _);

    /// <summary>Runs test cases; returns one line per case not met, naming file, case, expected and actual band.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(RuleSet ruleSet, IEnumerable<RubricTestCase> cases)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(cases);
        var failures = new List<string>();
        foreach (var testCase in cases)
        {
            var rubric = ruleSet.Rubrics.Values.FirstOrDefault(rubric => rubric.FileName == testCase.FileName);
            if (rubric is null)
            {
                failures.Add($"{testCase}: в наборе нет рубрики из {testCase.FileName}");
                continue;
            }

            var actual = await ActualAsync(ruleSet, rubric, testCase);
            if (actual != testCase.Expect)
            {
                failures.Add($"{testCase}: ожидался уровень {testCase.Expect}, получился {actual}");
            }
        }

        return failures;
    }

    private static async Task<string> ActualAsync(RuleSet ruleSet, Rubric rubric, RubricTestCase testCase)
    {
        if (testCase.Scores is { } scores)
        {
            return rubric.Check(scores).Count > 0 ? Error : (await ruleSet.BandOfAsync(rubric, new RubricScores([.. scores.Select(score => score!.Value)]))).Name;
        }

        // A total alone stands for any scores that add up to it.
        var total = testCase.Total!.Value;
        return total < 0 || total > rubric.MaxScore ? Error : (await ruleSet.BandOfAsync(rubric, new RubricScores([total]))).Name;
    }

    private static RubricTestCase Read(string fileName, JsonElement testCase)
    {
        var name = testCase.TryGetProperty("Name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "?";
        string Where() => $"{fileName}, тестовый пример «{name}»";
        var expect = testCase.TryGetProperty("Expect", out var e) && e.ValueKind == JsonValueKind.String
            ? e.GetString()!
            : throw new RuleSetException($"{Where()}: Expect должен называть уровень или быть \"{Error}\".");
        try
        {
            int? total = testCase.TryGetProperty("Total", out var t) ? t.GetInt32() : null;
            IReadOnlyList<int?>? scores = testCase.TryGetProperty("Scores", out var s)
                ? [.. s.EnumerateArray().Select(score => score.ValueKind == JsonValueKind.Null ? (int?)null : score.GetInt32())]
                : null;
            return total is not null && scores is not null
                ? throw new RuleSetException($"{Where()}: укажите либо Total, либо Scores, но не оба.")
                : new RubricTestCase(fileName, name, total, scores, expect);
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException)
        {
            throw new RuleSetException($"{Where()}: Total и Scores — целые числа (оценка пункта может быть null): {exception.Message}", exception);
        }
    }
}
