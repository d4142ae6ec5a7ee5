namespace SchoolRisk.Application.Support;

/// <summary>A decision to withdraw, as sent: JSON <c>{school, kind, by}</c> (the school's id, the kind's key or Russian title, the name of who withdraws it).</summary>
public sealed record SupportWithdrawal(string? School, string? Kind, string? By);
