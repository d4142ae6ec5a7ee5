namespace SchoolRisk.Application.Rules;

/// <summary>How a rule preview request ended (<see cref="RulePreviewHandler.PreviewAsync"/>); the HTTP door answers 200, 403, 400 and 422.</summary>
public enum RulePreviewAnswerKind
{
    /// <summary>Evaluated: <see cref="RulePreviewAnswer.Result"/> holds the changes.</summary>
    Previewed,

    /// <summary>The caller holds neither the rule administrators' key nor the master key.</summary>
    Forbidden,

    /// <summary>The request is not one: a period that is not a school year, or a body that is not <c>{"files": {...}}</c>.</summary>
    Malformed,

    /// <summary>The candidate fails validation or a rule throws on the period's data: <see cref="RulePreviewAnswer.Problems"/> says what.</summary>
    Refused,
}
