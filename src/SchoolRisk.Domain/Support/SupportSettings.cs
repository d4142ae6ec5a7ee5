namespace SchoolRisk.Domain.Support;

/// <summary>
/// The parameters of mentor proposals (<see cref="MentorMatching"/>) and of the subsidy list (<see cref="SubsidyList"/>).
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
}
