namespace SchoolRisk.Storage.Rules;

/// <summary>
/// Who asks for a rule set to be activated, why, by what route (<c>container</c>, <c>cli</c>, <c>rollback</c>,
/// <c>seed</c>), and which period, if any, to re-evaluate with it once active.
/// </summary>
public sealed record RuleChange(string By, string Reason, string Source, string? ReevaluatePeriod = null)
{
    /// <summary>How <see cref="By"/> is known: verified by the door (a signed-in identity, a function key) or only declared (blob metadata, <c>--by</c>).</summary>
    public AuthorOrigin ByOrigin { get; init; } = AuthorOrigin.Declared;

    /// <summary>
    /// The administrator allows the change to remove blocks the active version evaluates (a rule file, a workflow, an
    /// indicator's zone rules, a rubric, the classification, the integrated assessment): CLI <c>--allow-removal</c>, blob
    /// metadata <c>allowremoval</c> = <c>true</c>. Without it such a change is refused, naming what would no longer be evaluated.
    /// </summary>
    public bool AllowRemoval { get; init; }
}
