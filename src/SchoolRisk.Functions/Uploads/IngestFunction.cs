using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Application.Notices;
using SchoolRisk.Application.Recalculation;
using SchoolRisk.Application.Uploads;
using SchoolRisk.Functions.Queues;
using SchoolRisk.Storage;

namespace SchoolRisk.Functions.Uploads;

/// <summary>
/// <c>Ingest</c>: an Event Grid BlobCreated event for the uploads container on <c>upload-events</c> →
/// <see cref="UploadProcessor.ProcessAsync"/>; outputs the municipality's notice on <c>risk-notifications</c> and, when
/// results changed, a recalculation of the period on <c>period-recalculations</c>.
/// </summary>
public sealed class IngestFunction(UploadProcessor processor, StorageAccount account, ILogger<IngestFunction> logger)
{
    [Function("Ingest")]
    public async Task<IngestOutputs> RunAsync([QueueTrigger(QueueNames.UploadEvents)] string blobEvent, FunctionContext context, CancellationToken cancellationToken)
    {
        if (BlobEvents.CreatedIn(blobEvent, account.Options.UploadsContainer, logger) is not { } created)
        {
            return new IngestOutputs(null, null);
        }

        var outcome = await processor.ProcessAsync(created.BlobName, QueueTriggerData.DequeueCount(context), cancellationToken);
        return new IngestOutputs(outcome.Notice, outcome.Recalculation);
    }
}

/// <summary>The outputs of <c>Ingest</c>: each written when not <c>null</c>.</summary>
public sealed record IngestOutputs(
    [property: QueueOutput(QueueNames.RiskNotifications)] NoticeMessage? Notice,
    [property: QueueOutput(QueueNames.PeriodRecalculations)] RecalculationRequest? Recalculation);
