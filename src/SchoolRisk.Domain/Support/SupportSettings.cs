using System.Text.Json;
using SchoolRisk.Domain.Evaluation;

namespace SchoolRisk.Domain.Support;

/// <summary>
/// The parameters of mentor proposals (<see cref="MentorMatching"/>) and of the subsidy list (<see cref="SubsidyList"/>),
/// from the <c>Support</c> part of the rule file with a <c>ManagementCycle</c> section (<c>rules/management-cycle.json</c>),
/// edited, validated and activated like the thresholds; <see cref="Default"/> when the rule set has none.
/// Defaults (<see cref="Default"/>) are ours, not the methodology's: it names the subsidy's target groups (low-result
/// schools and schools in unfavourable social conditions) and resilient schools as mentors, but no numbers.
/// </summary>
/// <param name="MaxMenteesPerMentor">The most mentees a mentor school takes, counting the mentoring already decided in the period; at least 1. Default 2.</param>
/// <param name="SubsidyForLowResults">Whether low-result schools (ШНОР) qualify for the subsidy. Default yes.</param>
/// <param name="SubsidyStablyLowOnly">With <paramref name="SubsidyForLowResults"/>: only schools with low results two periods in a row. Default no.</param>
/// <param name="SubsidyForUnfavourableConditions">Whether schools in unfavourable social conditions (ШНСУ) qualify. Default yes.</param>
public sealed record SupportSettings(int MaxMenteesPerMentor, bool SubsidyForLowResults, bool SubsidyStablyLowOnly, bool SubsidyForUnfavourableConditions)
{
    /// <summary>Two mentees per mentor; low-result schools (stably low or not) and schools in unfavourable conditions qualify for the subsidy.</summary>
    public static SupportSettings Default { get; } = new(2, true, false, true);

    /// <summary>The most mentees the parameter may allow: more would not be mentoring.</summary>
    public const int MaxMentees = 10;

    /// <summary>Reads the <c>Support</c> object, whose shape the schema checked; throws <see cref="RuleSetException"/> for a number out of range.</summary>
    public static SupportSettings Read(string fileName, JsonElement section)
    {
        var mentees = section.GetProperty(nameof(MaxMenteesPerMentor));
        return new SupportSettings(
            mentees.TryGetInt32(out var count) && count is >= 1 and <= MaxMentees
                ? count
                : throw new RuleSetException($"{fileName}, раздел ManagementCycle.Support, {nameof(MaxMenteesPerMentor)}: {mentees.GetRawText()} — нужно целое число подопечных от 1 до {MaxMentees}."),
            section.GetProperty(nameof(SubsidyForLowResults)).GetBoolean(),
            section.GetProperty(nameof(SubsidyStablyLowOnly)).GetBoolean(),
            section.GetProperty(nameof(SubsidyForUnfavourableConditions)).GetBoolean());
    }
}
