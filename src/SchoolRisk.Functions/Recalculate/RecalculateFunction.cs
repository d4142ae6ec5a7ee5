using System.Text.Json;
using SchoolRisk.Functions.CustomHandler;
using SchoolRisk.Functions.Digest;
using SchoolRisk.Functions.Notify;
using SchoolRisk.Functions.WriteNotes;
using SchoolRisk.Storage.Notifications;

namespace SchoolRisk.Functions.Recalculate;

/// <summary>
/// <c>Recalculate</c>: queue trigger <c>request</c> on <c>period-recalculations</c>, written by Ingest when an upload
/// completes and by a rule activation that asks for re-evaluation; queue output <c>notice</c> on <c>risk-notifications</c>:
/// one <see cref="NoticeMessage"/> per municipality whose zones a rule change moved; queue output <c>notes</c> on
/// <c>note-requests</c>: a <see cref="NoteRequest"/> for the period's analytical notes. Each run also asks for the
/// committee's digest of the period (<see cref="DigestSchedule"/>: visible after the digest delay, so a burst of
/// uploads makes one digest). See <c>Recalculate/function.json</c>.
/// </summary>
public static class RecalculateFunction
{
    public const string TriggerBinding = "request";
    public const string NoticeBinding = "notice";
    public const string NotesBinding = "notes";

    public static IEndpointRouteBuilder MapRecalculate(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Recalculate", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        InvocationRequest request, RegionalRecalculation recalculation, DigestSchedule digests, DeliveryOptions delivery, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!request.TryReadPeriodMessage<RecalculationRequest>(TriggerBinding, out var message, out var period, out var error))
        {
            return FunctionJson.Failed(InvocationResponse.Log(error));
        }

        var outcome = await recalculation.RunAsync(period, message.RuleSetVersion, message.RequestedAt, cancellationToken);

        var requestedAt = time.GetUtcNow();
        await digests.ScheduleAsync(
            period, requestedAt, JsonSerializer.Serialize(new DigestRequest(period.ToString(), requestedAt), FunctionJson.Options), delivery.DigestDelay, cancellationToken);
        var outputs = new Dictionary<string, object?>();
        if (outcome.Notices.Count > 0)
        {
            outputs[NoticeBinding] = outcome.Notices;
        }

        if (outcome.StartedAt is { } startedAt)
        {
            outputs[NotesBinding] = new NoteRequest(period.ToString(), startedAt);
        }

        return FunctionJson.Ok(new InvocationResponse(outputs, [outcome.Summary]));
    }
}
