namespace SchoolRisk.Application.Views;

/// <summary>
/// The answer of a view query (made by <see cref="ViewAnswer"/>): the view when <see cref="Outcome"/> is
/// <see cref="ViewOutcome.Found"/>; otherwise <see cref="Message"/> says why not, in Russian, for the person who asked.
/// </summary>
public sealed record ViewAnswer<T>(ViewOutcome Outcome, T? Value, string Message)
    where T : class;
