namespace SchoolRisk.Domain.Evaluation;

/// <summary>What a rule that threw was deciding (<see cref="RuleFailure"/>).</summary>
public enum RuleFailureKind
{
    /// <summary>A zone rule: whether an indicator of a school is in a risk zone.</summary>
    Zone,

    /// <summary>A rule of the classification workflow: whether a school has a classification (ШНОР, ШНСУ, …).</summary>
    Classification,

    /// <summary>A band of a rubric: which band a rubric's total falls in.</summary>
    Rubric,

    /// <summary>A step that is not one rule: the integrated assessment of the whole period.</summary>
    Assessment,
}
