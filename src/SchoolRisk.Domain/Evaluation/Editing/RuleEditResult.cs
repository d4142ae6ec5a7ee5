namespace SchoolRisk.Domain.Evaluation.Editing;

/// <summary>
/// Rule files after <see cref="RuleFileEditor.Apply"/>: every file (<see cref="Files"/>, the unchanged ones as they were),
/// the names of those that changed, and the edits that could not be applied (in Russian, naming the file, the rule and the
/// key), which leave their file as it was. A file that changed still has to pass validation before it may be activated.
/// </summary>
public sealed record RuleEditResult(IReadOnlyList<RuleFile> Files, IReadOnlyList<string> Changed, IReadOnlyList<string> Problems);
