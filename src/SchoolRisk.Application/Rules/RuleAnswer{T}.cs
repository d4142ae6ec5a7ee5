namespace SchoolRisk.Application.Rules;

/// <summary>
/// The answer to a rule administration request (preview, check, activation, rollback, diff): its <see cref="Kind"/>; for a
/// refusal, <see cref="Error"/> (in Russian, for the caller) and, for <see cref="RuleAnswerKind.Refused"/>, every problem;
/// when done, the <see cref="Result"/>. <see cref="Log"/> is the line for the invocation log. Made by <see cref="RuleAnswer"/>.
/// </summary>
public sealed record RuleAnswer<T>(RuleAnswerKind Kind, string Error, IReadOnlyList<string> Problems, T? Result, string Log)
    where T : class;
