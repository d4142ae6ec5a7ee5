namespace SchoolRisk.Application.Rules;

/// <summary>How a rule administration request ended (<see cref="RuleAnswer{T}"/>); the HTTP doors answer 200, 403, 400 and 422.</summary>
public enum RuleAnswerKind
{
    /// <summary>Done: <see cref="RuleAnswer{T}.Result"/> holds what was asked for.</summary>
    Done,

    /// <summary>The caller holds neither the rule administrators' key nor the master key.</summary>
    Forbidden,

    /// <summary>The request is not one: a period that is not a school year, a version that is not one, a body of the wrong shape.</summary>
    Malformed,

    /// <summary>The candidate fails validation (or a rule throws on the stored data): <see cref="RuleAnswer{T}.Problems"/> says what; nothing changed.</summary>
    Refused,
}
