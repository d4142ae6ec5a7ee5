namespace SchoolRisk.Storage.Rules;

/// <summary>
/// How an activation request ended: a new active version, the same version already active, or rejected with problems
/// (in Russian; <see cref="ProblemsBlob"/> names the blob, <c>{container}/{blob}</c>, that keeps them whole).
/// </summary>
public sealed record RuleActivation(RuleActivationOutcome Outcome, string ActiveVersion, IReadOnlyList<string> Problems)
{
    /// <summary>Where a rejection's whole text is kept; <c>null</c> unless rejected.</summary>
    public string? ProblemsBlob { get; init; }

    public static RuleActivation Activated(string version) => new(RuleActivationOutcome.Activated, version, []);

    public static RuleActivation Unchanged(string version) => new(RuleActivationOutcome.Unchanged, version, []);

    public static RuleActivation Rejected(string activeVersion, IReadOnlyList<string> problems) => new(RuleActivationOutcome.Rejected, activeVersion, problems);
}
