namespace SchoolRisk.Domain.Support;

/// <summary>
/// A decision as a person sends it (the page's form, the CLI's options, JSON <c>{school, kind, amount, mentor, comment, by}</c>),
/// not yet checked: <see cref="SupportDecisionCheck.Of"/> makes it a <see cref="SupportDecision"/> or says, in Russian, what is wrong.
/// </summary>
/// <param name="School">The supported school's id.</param>
/// <param name="Kind">A key or Russian title of <see cref="SupportKinds"/>.</param>
/// <param name="Amount">Roubles, for a subsidy.</param>
/// <param name="Mentor">The mentor school's id, for mentoring.</param>
/// <param name="Comment">Free text.</param>
/// <param name="By">The name the person gives; recorded before the key or identity the request came with.</param>
public sealed record SupportDecisionDraft(string? School, string? Kind, decimal? Amount, string? Mentor, string? Comment, string? By);
