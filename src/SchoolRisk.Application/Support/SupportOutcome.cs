namespace SchoolRisk.Application.Support;

/// <summary>How recording or withdrawing a decision ended (<see cref="SupportAnswer"/>); the HTTP door answers 200, 404, 403, 422, 404 and 409.</summary>
public enum SupportOutcome
{
    /// <summary>Done: the decision was recorded, changed or withdrawn, and the audit has the entry.</summary>
    Done,

    /// <summary>The route's period is not a school year like <c>2023-2024</c>.</summary>
    NotAPeriod,

    /// <summary>The caller may not record decisions: only the committee's key or the master key may.</summary>
    Forbidden,

    /// <summary>The decision is refused: <see cref="SupportAnswer.Problems"/> says why, in Russian.</summary>
    Refused,

    /// <summary>There is no such decision to withdraw.</summary>
    NotFound,

    /// <summary>Someone changed the decision at the same moment: nothing was written; read it again and repeat.</summary>
    Conflict,
}
