namespace SchoolRisk.Domain.Evaluation;

/// <summary>A rule file cannot be used. The message names the file and, where it applies, the rule.</summary>
public sealed class RuleSetException : Exception
{
    public RuleSetException()
    {
    }

    public RuleSetException(string message)
        : base(message)
    {
    }

    public RuleSetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
