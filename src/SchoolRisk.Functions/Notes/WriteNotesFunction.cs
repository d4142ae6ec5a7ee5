using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Application.Notes;
using SchoolRisk.Functions.Queues;

namespace SchoolRisk.Functions.Notes;

/// <summary>
/// <c>WriteNotes</c>: a <see cref="NoteRequest"/> on <c>note-requests</c> (queued by <c>Recalculate</c>) →
/// <see cref="AnalyticalNoteWriter.WriteAsync"/>: the period's analytical notes.
/// </summary>
public sealed class WriteNotesFunction(AnalyticalNoteWriter writer, ILogger<WriteNotesFunction> logger)
{
    [Function("WriteNotes")]
    public async Task RunAsync([QueueTrigger(QueueNames.NoteRequests)] NoteRequest request, CancellationToken cancellationToken) =>
        logger.LogInformation("{Outcome}", await writer.WriteAsync(QueueTriggerData.PeriodOf(request), request.RecalculationStartedAt, cancellationToken));
}
