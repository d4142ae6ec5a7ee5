using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Application.Support;

/// <summary>
/// The answer of recording or withdrawing a decision: the <see cref="Decision"/> recorded or withdrawn when
/// <see cref="Outcome"/> is <see cref="SupportOutcome.Done"/>; <see cref="Message"/> says what happened or why not, in
/// Russian, and <see cref="Problems"/> every problem of a refused decision.
/// </summary>
public sealed record SupportAnswer(SupportOutcome Outcome, SupportDecisionView? Decision, string Message, IReadOnlyList<string> Problems)
{
    /// <summary>Only the committee records support decisions.</summary>
    public static SupportAnswer NotCommittee { get; } =
        new(SupportOutcome.Forbidden, null, "Решения о поддержке записывает и отзывает только комитет: войдите с ключом комитета.", []);

    /// <summary>A period that is not a school year.</summary>
    public static SupportAnswer NotAPeriod(string? text) => new(SupportOutcome.NotAPeriod, null, Period.ProblemOf(text)!, []);

    /// <summary>A decision refused, with every problem found.</summary>
    public static SupportAnswer Refused(IReadOnlyList<string> problems) => new(SupportOutcome.Refused, null, "Решение не записано: исправьте ошибки.", problems);
}
