namespace SchoolRisk.Storage.Rules;

/// <summary>A candidate rule set that failed validation and was not activated: what was wrong, file by file and rule by rule.</summary>
public sealed record RuleRejection(DateTimeOffset At, string By, string Reason, string Source, string ActiveVersion, IReadOnlyList<string> Problems);
