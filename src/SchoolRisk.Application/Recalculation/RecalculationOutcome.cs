using SchoolRisk.Application.Notes;
using SchoolRisk.Application.Notices;
using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Application.Recalculation;

/// <summary>
/// What a <see cref="RegionalRecalculation"/> of <paramref name="Period"/> did (<paramref name="Summary"/>, for the
/// log), the messages of the rules-changed notices it wrote (for <c>risk-notifications</c>), and when it started
/// (<c>null</c> when an earlier-started one already covered the request).
/// </summary>
public sealed record RecalculationOutcome(Period Period, string Summary, IReadOnlyList<NoticeMessage> Notices, DateTimeOffset? StartedAt)
{
    /// <summary>The request for the period's analytical notes as this recalculation left it (for <c>note-requests</c>); <c>null</c> when it did not run.</summary>
    public NoteRequest? Notes => StartedAt is { } startedAt ? new NoteRequest(Period, startedAt) : null;
}
