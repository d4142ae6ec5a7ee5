using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Evaluation.Shape;

namespace SchoolRisk.Storage.Rules;

/// <summary>
/// What the <c>rules</c> container holds, read in one pass: its rule files (<c>*.json</c> at the top level); the
/// problems of files that cannot be read as rules at all (in Russian: one larger than <see cref="RuleSetLimits.MaxFileBytes"/>
/// is not downloaded), which make the candidate fail; and who wrote each rule file and when (<see cref="Edits"/>: for a
/// downloaded file, from the download itself, so the author always belongs to the content read).
/// </summary>
public sealed record EditableRules(IReadOnlyList<RuleFile> Files, IReadOnlyList<string> Problems, IReadOnlyList<RuleFileEdit> Edits);
