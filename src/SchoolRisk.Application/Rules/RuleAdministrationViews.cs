using System.Text.Json.Serialization;
using SchoolRisk.Application.Recalculation;
using SchoolRisk.Application.Views;
using SchoolRisk.Domain.Evaluation.Editing;

namespace SchoolRisk.Application.Rules;

/// <summary>
/// The rules in force, for the administrator's page (<c>GET /api/rules</c>): the version and its activation
/// (<c>null</c> before the first), its numbers as a table, and its files (for the expert's editor).
/// </summary>
public sealed record RulesInForceView(RuleVersionView? Active, RuleTable? Table, IReadOnlyList<RuleFileView> Files);

/// <summary>A rule file's name and text.</summary>
public sealed record RuleFileView(string Name, string Json);

/// <summary>
/// A candidate checked as an activation would check it (<c>POST /api/rules/check</c>): its version (the content hash of
/// its files), whether it may be activated, the files that differ from the version in force (what the page sends on
/// to the preview and the activation), every problem with the file and rule it concerns, what of the version in force it
/// would no longer evaluate, and its numbers as a table when it loads.
/// </summary>
public sealed record RuleCheckView(
    string Version, bool Valid, IReadOnlyList<RuleFileView> Changed, IReadOnlyList<string> RemovedFiles, IReadOnlyList<RuleProblem> Problems, IReadOnlyList<string> Removed, RuleTable? Table);

/// <summary>
/// How an activation or rollback from the page ended: <c>activated</c> or <c>unchanged</c> (the version was already in
/// force), the version in force afterwards, a message in Russian; and the period's re-evaluation it asks for, which the
/// door puts on the queue (not sent to the caller).
/// </summary>
public sealed record RuleActivationView(string Outcome, string Version, string Message)
{
    /// <summary>The re-evaluation to queue, when the administrator asked for one.</summary>
    [JsonIgnore]
    public RecalculationRequest? Recalculation { get; init; }
}

/// <summary>The difference between two versions (<c>GET /api/rules/diff/{from}/{to}</c>), file by file.</summary>
public sealed record RuleDiffView(string From, string To, IReadOnlyList<RuleFileDiff> Files);
