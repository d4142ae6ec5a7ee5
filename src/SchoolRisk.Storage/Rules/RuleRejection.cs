using SchoolRisk.Domain.Evaluation;

namespace SchoolRisk.Storage.Rules;

/// <summary>
/// A candidate rule set that was not activated, and why: every problem, file by file and rule by rule, in Russian.
/// <see cref="Problems"/> is what the table keeps (cut at a property's 64 KiB, the last one perhaps ending in «…»);
/// <see cref="ProblemCount"/> counts them all, and <see cref="ProblemsBlob"/> (<c>{container}/{blob}</c>) holds the whole text.
/// <see cref="ActiveVersion"/> is the version that stayed active: <c>null</c> when none had been activated yet (stored as «none»).
/// </summary>
public sealed record RuleRejection(
    DateTimeOffset At, string By, AuthorOrigin ByOrigin, string Reason, string Source, RuleSetVersion? ActiveVersion, IReadOnlyList<string> Problems, int ProblemCount, string? ProblemsBlob)
{
    /// <summary>
    /// The version the refused files would have had (<c>RuleSet.VersionOf</c> of the files read; a file too large to
    /// read is not among them); <c>null</c> for a rejection recorded before it was kept.
    /// </summary>
    public RuleSetVersion? CandidateVersion { get; init; }
}
