namespace SchoolRisk.Application.Rules;

/// <summary>Makes <see cref="RuleAnswer{T}"/>s.</summary>
public static class RuleAnswer
{
    /// <summary>A refusal of <paramref name="kind"/> with its message and, for <see cref="RuleAnswerKind.Refused"/>, every problem.</summary>
    public static RuleAnswer<T> Refusal<T>(RuleAnswerKind kind, string error, IReadOnlyList<string>? problems = null)
        where T : class =>
        new(kind, error, problems ?? [], null, error);

    /// <summary>What was asked for, with its line for the log.</summary>
    public static RuleAnswer<T> Done<T>(T result, string log)
        where T : class =>
        new(RuleAnswerKind.Done, string.Empty, [], result, log);
}
