using SchoolRisk.Application.Uploads;
using SchoolRisk.Functions.CustomHandler;
using SchoolRisk.Storage;

namespace SchoolRisk.Functions.Ingest;

/// <summary>
/// <c>Ingest</c>: queue trigger <c>event</c> on <c>upload-events</c> (Event Grid BlobCreated events for the uploads
/// container) → <see cref="UploadProcessor.ProcessAsync"/>; queue output <c>notice</c> on <c>risk-notifications</c>: the
/// municipality's <see cref="Application.Notices.NoticeMessage"/>; queue output <c>recalculation</c> on
/// <c>period-recalculations</c> when results changed. See <c>Ingest/function.json</c>.
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

    private static async Task<IResult> HandleAsync(InvocationRequest request, UploadProcessor processor, StorageAccount account, CancellationToken cancellationToken)
    {
        if (!BlobEventTrigger.TryRead(request, TriggerBinding, account.Options.UploadsContainer, out var blobEvent, out var answer))
        {
            return answer;
        }

        var outcome = await processor.ProcessAsync(blobEvent.BlobName, request.DequeueCount, cancellationToken);
        var outputs = new Dictionary<string, object?>()
            .With(RecalculationBinding, outcome.Recalculation)
            .With(NoticeBinding, outcome.Notice);
        return FunctionJson.Ok(new InvocationResponse(outputs, [outcome.Message]));
    }
}
