namespace SchoolRisk.Storage.Rules;

/// <summary>How an activation request ended: a new active version, the same version already active, or rejected with problems.</summary>
public sealed record RuleActivation(RuleActivationOutcome Outcome, string ActiveVersion, IReadOnlyList<string> Problems)
{
    public static RuleActivation Activated(string version) => new(RuleActivationOutcome.Activated, version, []);

    public static RuleActivation Unchanged(string version) => new(RuleActivationOutcome.Unchanged, version, []);

    public static RuleActivation Rejected(string activeVersion, IReadOnlyList<string> problems) => new(RuleActivationOutcome.Rejected, activeVersion, problems);
}
