using System.Text.Json;
using SchoolRisk.Domain.Evaluation;

namespace SchoolRisk.Domain.RiskGroups;

/// <summary>
/// The entry and exit criteria of the low-result group, from the <c>RiskGroup</c> part of the rule file with a
/// <c>ManagementCycle</c> section (<c>rules/management-cycle.json</c>): how many periods in a row with low results put a
/// school in the group (<see cref="EntryPeriods"/>, default 1: at once) and how many in a row without them take it out
/// (<see cref="ExitPeriods"/>, default 2: issue 23, "a school leaves the low-result group only after a set number of
/// periods out of it"). Both are whole numbers from 1 to <see cref="MaxPeriods"/>.
/// </summary>
public sealed record RiskGroupSettings(int EntryPeriods, int ExitPeriods)
{
    /// <summary>The most periods either criterion may ask for: ten school years.</summary>
    public const int MaxPeriods = 10;

    /// <summary>Enter at once, leave after two periods out: what a rule set without a <c>ManagementCycle</c> section uses.</summary>
    public static RiskGroupSettings Default { get; } = new(1, 2);

    /// <summary>Reads the <c>RiskGroup</c> object, whose shape the schema checked; throws <see cref="RuleSetException"/> for a number out of range.</summary>
    public static RiskGroupSettings Read(string fileName, JsonElement section)
    {
        int Periods(string key)
        {
            var element = section.GetProperty(key);
            return element.TryGetInt32(out var value) && value is >= 1 and <= MaxPeriods
                ? value
                : throw new RuleSetException($"{fileName}, раздел ManagementCycle.RiskGroup, {key}: {element.GetRawText()} — нужно целое число периодов от 1 до {MaxPeriods}.");
        }

        return new RiskGroupSettings(Periods(nameof(EntryPeriods)), Periods(nameof(ExitPeriods)));
    }
}
