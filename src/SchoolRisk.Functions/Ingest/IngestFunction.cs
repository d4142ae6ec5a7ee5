using SchoolRisk.Functions.CustomHandler;
using SchoolRisk.Functions.Notify;
using SchoolRisk.Functions.Recalculate;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Notifications;

namespace SchoolRisk.Functions.Ingest;

/// <summary>
/// <c>Ingest</c>: queue trigger <c>event</c> on <c>upload-events</c> (Event Grid BlobCreated events for the uploads
/// container); queue output <c>notice</c> on <c>risk-notifications</c>: a <see cref="NoticeMessage"/> pointing at the
/// notice written to the notices container; queue output <c>recalculation</c> on <c>period-recalculations</c> when
/// results changed. See <c>Ingest/function.json</c>.
/// </summary>
public static class IngestFunction
{
    public const string TriggerBinding = "event";
    public const string NoticeBinding = "notice";
    public const string RecalculationBinding = "recalculation";

    public static IEndpointRouteBuilder MapIngest(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Ingest", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        InvocationRequest request, UploadProcessor processor, NoticeStore notices, StorageAccount account, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!BlobEventTrigger.TryRead(request, TriggerBinding, account.Options.UploadsContainer, out var blobEvent, out var answer))
        {
            return answer;
        }

        var outcome = await processor.ProcessAsync(blobEvent.BlobName, request.DequeueCount, cancellationToken);
        var outputs = new Dictionary<string, object?>();
        if (outcome.Recalculate is { } period)
        {
            outputs[RecalculationBinding] = new RecalculationRequest(period.ToString(), RequestedAt: time.GetUtcNow());
        }

        if (outcome.Notice is { } notice)
        {
            var blob = await notices.WriteAsync(notice, cancellationToken);
            outputs[NoticeBinding] = new NoticeMessage(notice.NoticeId, notice.MunicipalityId, notice.Period.ToString(), blob);
        }

        return FunctionJson.Ok(new InvocationResponse(outputs, [outcome.Message]));
    }
}
