using SchoolRisk.Domain.Evaluation;

namespace SchoolRisk.Storage.Rules;

/// <summary>One activation of a rule set version (audit): when, by whom (and how that is known), why, by what route, and the version it replaced.</summary>
public sealed record RuleVersionRecord(
    RuleSetVersion Version, DateTimeOffset ActivatedAt, string By, AuthorOrigin ByOrigin, string Reason, string Source, RuleSetVersion? Previous, IReadOnlyList<string> Files);
