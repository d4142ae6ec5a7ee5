namespace SchoolRisk.Application.Rules;

/// <summary>
/// The answer to a rule preview request: its <see cref="Kind"/>; for a refusal of any kind, <see cref="Error"/> (in
/// Russian, for the caller) and, for <see cref="RulePreviewAnswerKind.Refused"/>, every problem; when previewed, the
/// <see cref="Result"/> and a line for the invocation log (<see cref="Log"/>).
/// </summary>
public sealed record RulePreviewAnswer(RulePreviewAnswerKind Kind, string Error, IReadOnlyList<string> Problems, RulePreviewResult? Result, string Log)
{
    /// <summary>A refusal of <paramref name="kind"/> with its message and, for <see cref="RulePreviewAnswerKind.Refused"/>, every problem.</summary>
    public static RulePreviewAnswer Refusal(RulePreviewAnswerKind kind, string error, IReadOnlyList<string>? problems = null) =>
        new(kind, error, problems ?? [], null, error);

    /// <summary>A preview's result, with its line for the log.</summary>
    public static RulePreviewAnswer Previewed(RulePreviewResult result, string log) => new(RulePreviewAnswerKind.Previewed, string.Empty, [], result, log);
}
