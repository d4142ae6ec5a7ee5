namespace SchoolRisk.Storage.Rules;

/// <summary>One activation of a rule set version (audit): when, by whom, why, by what route, and the version it replaced.</summary>
public sealed record RuleVersionRecord(string Version, DateTimeOffset ActivatedAt, string By, string Reason, string Source, string? Previous, IReadOnlyList<string> Files);
