namespace SchoolRisk.Storage.Rules;

/// <summary>One activation of a rule set version (audit): when, by whom (and how that is known), why, by what route, and the version it replaced.</summary>
public sealed record RuleVersionRecord(
    string Version, DateTimeOffset ActivatedAt, string By, AuthorOrigin ByOrigin, string Reason, string Source, string? Previous, IReadOnlyList<string> Files);
