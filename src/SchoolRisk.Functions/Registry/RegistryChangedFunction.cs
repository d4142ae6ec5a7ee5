using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Application.Notices;
using SchoolRisk.Application.Registry;
using SchoolRisk.Functions.Queues;
using SchoolRisk.Storage;

namespace SchoolRisk.Functions.Registry;

/// <summary>
/// <c>RegistryChanged</c>: an Event Grid BlobCreated event for the registry container on <c>registry-events</c> (in Azure
/// only those of <c>schools.csv</c> and <c>recipients.csv</c>) → <see cref="RegistryFileCheck.CheckAsync"/>; outputs a
/// notice on <c>risk-notifications</c> when the file has problems to tell the committee.
/// </summary>
public sealed class RegistryChangedFunction(RegistryFileCheck check, StorageAccount account, ILogger<RegistryChangedFunction> logger)
{
    [Function("RegistryChanged")]
    [QueueOutput(QueueNames.RiskNotifications)]
    public async Task<NoticeMessage?> RunAsync([QueueTrigger(QueueNames.RegistryEvents)] string blobEvent, CancellationToken cancellationToken)
    {
        if (BlobEvents.CreatedIn(blobEvent, account.Options.RegistryContainer, logger) is not { } created)
        {
            return null;
        }

        var outcome = await check.CheckAsync(created.BlobName, cancellationToken);
        return outcome.Notice;
    }
}
