namespace SchoolRisk.Storage.Rules;

/// <summary>
/// Who asks for a rule set to be activated, why, by what route (<c>container</c>, <c>cli</c>, <c>rollback</c>,
/// <c>seed</c>), and which period, if any, to re-evaluate with it once active.
/// </summary>
public sealed record RuleChange(string By, string Reason, string Source, string? ReevaluatePeriod = null);
