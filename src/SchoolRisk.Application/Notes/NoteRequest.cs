using SchoolRisk.Application.Messaging;
using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Application.Notes;

/// <summary>
/// The message on <c>note-requests</c>, queued by <c>Recalculate</c>: write the analytical notes of this period as the
/// recalculation that started at <paramref name="RecalculationStartedAt"/> left it.
/// </summary>
public sealed record NoteRequest(Period Period, DateTimeOffset RecalculationStartedAt) : IPeriodMessage;
