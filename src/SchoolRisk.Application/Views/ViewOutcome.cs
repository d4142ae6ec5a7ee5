namespace SchoolRisk.Application.Views;

/// <summary>How a view query ended (<see cref="ViewAnswer{T}"/>); the HTTP door answers 200, 404, 404, 403 and 400.</summary>
public enum ViewOutcome
{
    /// <summary>Answered: <see cref="ViewAnswer{T}.Value"/> holds the view.</summary>
    Found,

    /// <summary>The route's period is not a school year like <c>2023-2024</c>.</summary>
    NotAPeriod,

    /// <summary>What was asked for does not exist (a school not in the registry, a note not yet written).</summary>
    NotFound,

    /// <summary>The caller's key does not see the municipality asked for.</summary>
    Forbidden,

    /// <summary>What the caller sent cannot be used (a file name with a folder in it); the message says why.</summary>
    Invalid,
}
