using SchoolRisk.Functions.Notify;

namespace SchoolRisk.Functions.Recalculate;

/// <summary>
/// What a <see cref="RegionalRecalculation"/> did (<paramref name="Summary"/>, for the log), the rules-changed notices it
/// wrote, to queue, and when it started (<c>null</c> when an earlier-started one already covered the request).
/// </summary>
public sealed record RecalculationOutcome(string Summary, IReadOnlyList<NoticeMessage> Notices, DateTimeOffset? StartedAt);
