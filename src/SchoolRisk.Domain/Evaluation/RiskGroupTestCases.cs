using System.Text.Json;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.RiskGroups;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>
/// Test cases of the low-result group's entry and exit criteria, in the management cycle file's <c>TestCases</c>: a
/// school's classification period after period and the status expected in each,
/// <c>{ "Name": "...", "LowResults": [true, false, false], "Expect": ["entered", "leaving", "exited"] }</c>. Since a
/// case states every period's status, a case expecting <c>exited</c> pins <see cref="RiskGroupSettings.ExitPeriods"/>
/// exactly (one period fewer would be <c>leaving</c>), as a zone rule's case on its threshold does: the file must have
/// one such case for each criterion that is more than one period (<see cref="Run"/>).
/// </summary>
public static class RiskGroupTestCases
{
    /// <summary>The period a case's first entry stands for: any period serves, the criteria count periods, not dates.</summary>
    private static readonly Period FirstPeriod = Period.Parse("2020-2021");

    /// <summary>Whether a test case belongs here (it has <c>LowResults</c>).</summary>
    internal static bool IsRiskGroupCase(JsonElement testCase) => testCase.TryGetProperty("LowResults", out _);

    /// <summary>The file's cases; a case whose arrays differ in length or whose status is not a key is a <see cref="RuleSetException"/>.</summary>
    public static IReadOnlyList<RiskGroupTestCase> Read(RuleFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var number = 0;
        return file.ReadTestCases(IsRiskGroupCase, testCase => Read(file.Name, testCase, ++number));
    }

    /// <summary>
    /// Runs the cases with <paramref name="settings"/>: one line per period whose status differs from the expected, and
    /// one per criterion of more than one period that no case pins (no case expecting <c>exited</c> for exit, or
    /// <c>entered</c> after <c>watched</c> for entry).
    /// </summary>
    public static IReadOnlyList<string> Run(string fileName, RiskGroupSettings settings, IReadOnlyList<RiskGroupTestCase> cases)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(cases);
        var failures = new List<string>();
        foreach (var testCase in cases)
        {
            RiskGroupStanding? standing = null;
            var period = FirstPeriod;
            for (var index = 0; index < testCase.LowResults.Count; index++, period = Period.Parse($"{period.EndYear}-{period.EndYear + 1}"))
            {
                standing = RiskGroupStanding.Next(standing, testCase.LowResults[index], period, settings);
                if (standing.Status != testCase.Expect[index])
                {
                    failures.Add($"{testCase}, период {index + 1}: ожидалось {testCase.Expect[index].ToKey()}, получилось {standing.Status.ToKey()}");
                }
            }
        }

        bool Expects(RiskGroupStatus status) => cases.Any(testCase => testCase.Expect.Contains(status));
        if (settings.ExitPeriods > 1 && !(Expects(RiskGroupStatus.Exited) && Expects(RiskGroupStatus.Leaving)))
        {
            failures.Add($"{fileName}, раздел ManagementCycle.RiskGroup: нет тестового примера, где школа выходит из группы ровно через ExitPeriods = {settings.ExitPeriods} периодов (ожидается leaving, затем exited); добавьте его.");
        }

        if (settings.EntryPeriods > 1 && !(Expects(RiskGroupStatus.Entered) && Expects(RiskGroupStatus.Watched)))
        {
            failures.Add($"{fileName}, раздел ManagementCycle.RiskGroup: нет тестового примера, где школа входит в группу ровно через EntryPeriods = {settings.EntryPeriods} периодов (ожидается watched, затем entered); добавьте его.");
        }

        return failures;
    }

    private static RiskGroupTestCase Read(string fileName, JsonElement testCase, int number)
    {
        var name = testCase.TryGetProperty("Name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : $"№{number}";
        string Where() => $"{fileName}, тестовый пример «{name}»";
        var lowResults = testCase.GetProperty("LowResults").EnumerateArray().Select(value => value.GetBoolean()).ToList();
        var expect = testCase.GetProperty("Expect").EnumerateArray()
            .Select(value => RiskGroupStatuses.TryParse(value.GetString(), out var status)
                ? status
                : throw new RuleSetException($"{Where()}: «{value.GetString()}» — не состояние группы риска; допустимы {string.Join(", ", RiskGroupStatuses.Keys)}."))
            .ToList();
        return lowResults.Count == expect.Count
            ? new RiskGroupTestCase(fileName, name, lowResults, expect)
            : throw new RuleSetException($"{Where()}: в LowResults {lowResults.Count} периодов, а в Expect {expect.Count}; нужно по одному ожидаемому состоянию на период.");
    }
}
