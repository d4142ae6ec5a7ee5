using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Evaluation.Shape;

namespace SchoolRisk.Storage.Rules;

/// <summary>
/// What the <c>rules</c> container holds: its rule files (<c>*.json</c> at the top level), and the problems of files
/// that cannot be read as rules at all (in Russian: one larger than <see cref="RuleSetLimits.MaxFileBytes"/> is not
/// downloaded), which make the candidate fail.
/// </summary>
public sealed record EditableRules(IReadOnlyList<RuleFile> Files, IReadOnlyList<string> Problems);
