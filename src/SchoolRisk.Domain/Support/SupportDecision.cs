using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Support;

/// <summary>
/// Support the committee decided for a school in a period (issue 23, item 3). A school has at most one decision of each
/// <see cref="Kind"/> per period: recording the same kind again changes it. Made only through
/// <see cref="SupportDecisionCheck"/>, which guarantees the rules below.
/// </summary>
/// <param name="Period">The school year the support belongs to.</param>
/// <param name="SchoolId">The supported school, as the registry spells its id.</param>
/// <param name="Kind">What support.</param>
/// <param name="Amount">Roubles, more than zero with at most two decimals (kopecks); for a <see cref="SupportKind.Subsidy"/> only, where it is required.</param>
/// <param name="MentorId">The mentor school, another school of the registry; for <see cref="SupportKind.Mentoring"/> only, where it is required.</param>
/// <param name="Comment">Free text, at most <see cref="SupportDecisionCheck.MaxCommentLength"/> characters; may be empty.</param>
/// <param name="DecidedBy">Who recorded it: the declared name and the key or identity it came with, like «А. Петрова (ключ committee)».</param>
/// <param name="DecidedAt">When it was recorded (UTC).</param>
public sealed record SupportDecision(
    Period Period, SchoolId SchoolId, SupportKind Kind, decimal? Amount, SchoolId? MentorId, string Comment, string DecidedBy, DateTimeOffset DecidedAt);
