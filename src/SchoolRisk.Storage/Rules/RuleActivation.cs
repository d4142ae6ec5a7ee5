using SchoolRisk.Domain.Evaluation;

namespace SchoolRisk.Storage.Rules;

/// <summary>
/// How an activation request ended: a new active version, the same version already active, or rejected with problems
/// (in Russian; <see cref="ProblemsBlob"/> names the blob, <c>{container}/{blob}</c>, that keeps them whole).
/// <see cref="ActiveVersion"/> is the version active afterwards: <c>null</c> only when a candidate was rejected before any
/// version was ever activated (the rejection's row and text say «none»).
/// </summary>
public sealed record RuleActivation(RuleActivationOutcome Outcome, RuleSetVersion? ActiveVersion, IReadOnlyList<string> Problems)
{
    /// <summary>Where a rejection's whole text is kept; <c>null</c> unless rejected.</summary>
    public string? ProblemsBlob { get; init; }

    public static RuleActivation Activated(RuleSetVersion version) => new(RuleActivationOutcome.Activated, version, []);

    public static RuleActivation Unchanged(RuleSetVersion version) => new(RuleActivationOutcome.Unchanged, version, []);

    public static RuleActivation Rejected(RuleSetVersion? activeVersion, IReadOnlyList<string> problems) => new(RuleActivationOutcome.Rejected, activeVersion, problems);
}
