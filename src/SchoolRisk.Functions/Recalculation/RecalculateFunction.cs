using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Application.Notes;
using SchoolRisk.Application.Notices;
using SchoolRisk.Application.Recalculation;
using SchoolRisk.Functions.Queues;

namespace SchoolRisk.Functions.Recalculation;

/// <summary>
/// <c>Recalculate</c>: a <see cref="RecalculationRequest"/> on <c>period-recalculations</c> (written by Ingest when an
/// upload completes and by a rule activation that asks for re-evaluation) → <see cref="PeriodRecalculation.RecalculateAsync"/>;
/// outputs one notice on <c>risk-notifications</c> per municipality whose zones a rule change moved, and a
/// <see cref="NoteRequest"/> on <c>note-requests</c> for the period's analytical notes.
/// </summary>
public sealed class RecalculateFunction(PeriodRecalculation recalculation, ILogger<RecalculateFunction> logger)
{
    [Function("Recalculate")]
    public async Task<RecalculateOutputs> RunAsync([QueueTrigger(QueueNames.PeriodRecalculations)] RecalculationRequest request, CancellationToken cancellationToken)
    {
        var outcome = await recalculation.RecalculateAsync(QueueTriggerData.PeriodOf(request), request, cancellationToken);
        logger.LogInformation("{Outcome}", outcome.Summary);
        return new RecalculateOutputs(outcome.Notices.Count > 0 ? outcome.Notices : null, outcome.Notes);
    }
}

/// <summary>The outputs of <c>Recalculate</c>: a message per notice, and the note request; none when <c>null</c>.</summary>
public sealed record RecalculateOutputs(
    [property: QueueOutput(QueueNames.RiskNotifications)] IReadOnlyList<NoticeMessage>? Notices,
    [property: QueueOutput(QueueNames.NoteRequests)] NoteRequest? Notes);
