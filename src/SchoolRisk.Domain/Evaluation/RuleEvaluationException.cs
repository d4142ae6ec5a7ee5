namespace SchoolRisk.Domain.Evaluation;

/// <summary>A rule failed while it ran on a school. The message names the workflow, rule and school.</summary>
public sealed class RuleEvaluationException : Exception
{
    public RuleEvaluationException()
    {
    }

    public RuleEvaluationException(string message)
        : base(message)
    {
    }

    public RuleEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
