namespace SchoolRisk.Domain.Evaluation;

/// <summary>
/// Rule files cannot be used. <see cref="Problems"/> holds every problem found, each a line in Russian naming the file
/// and, where it applies, the rule, test case or key; <see cref="Exception.Message"/> joins them.
/// </summary>
public sealed class RuleSetException : Exception
{
    public RuleSetException()
    {
        Problems = [];
    }

    public RuleSetException(string message)
        : base(message)
    {
        Problems = [message];
    }

    public RuleSetException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Several problems at once (the shapes of several files).</summary>
    public RuleSetException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, one line each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
