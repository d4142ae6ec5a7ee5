namespace SchoolRisk.Storage.Rules;

/// <summary>Who asks for a rule set to be activated, why, and by what route (<c>container</c>, <c>cli</c>, <c>rollback</c>, <c>seed</c>).</summary>
public sealed record RuleChange(string By, string Reason, string Source);
