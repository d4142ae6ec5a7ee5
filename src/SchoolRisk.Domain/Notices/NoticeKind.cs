namespace SchoolRisk.Domain.Notices;

public enum NoticeKind
{
    /// <summary>The upload was evaluated: schools in risk zones, and skipped rows if any.</summary>
    Evaluated,

    /// <summary>A rubric upload was evaluated: rubrics in their low or middle band, and skipped rows if any.</summary>
    RubricsEvaluated,

    /// <summary>The rules changed, not the municipality's data: schools whose zone the new rule set changed.</summary>
    RulesChanged,

    /// <summary>The upload was rejected: nothing was evaluated.</summary>
    Rejected,

    /// <summary>The committee's digest of a period (recorded under the recipient <c>committee</c>, not a municipality).</summary>
    Digest,

    /// <summary>
    /// The committee's registry or recipients directory, just edited, has refused or repeated rows or cannot be used:
    /// told to the committee (recorded under the recipient <c>committee</c>, in the school year of the edit).
    /// </summary>
    RegistryProblems,
}
