using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SchoolRisk.Application.Federal;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Application.Notices;
using SchoolRisk.Application.Registry;
using SchoolRisk.Domain.Federal;
using SchoolRisk.Functions.Queues;
using SchoolRisk.Storage;

namespace SchoolRisk.Functions.Registry;

/// <summary>
/// <c>RegistryChanged</c>: an Event Grid BlobCreated event for the registry container on <c>registry-events</c> (in Azure
/// only those of <c>schools.csv</c>, <c>recipients.csv</c> and <c>federal/</c>) → <see cref="RegistryFileCheck.CheckAsync"/>; outputs a
/// notice on <c>risk-notifications</c> when the file has problems to tell the committee. A federal file,
/// <c>federal/{period}/{file}</c> (<see cref="FederalPath"/>), goes to <see cref="FederalListCheck.CheckAsync"/> instead,
/// which outputs nothing (its report is in the reports container).
/// </summary>
public sealed class RegistryChangedFunction(RegistryFileCheck check, FederalListCheck federal, StorageAccount account, ILogger<RegistryChangedFunction> logger)
{
    [Function("RegistryChanged")]
    [QueueOutput(QueueNames.RiskNotifications)]
    public async Task<NoticeMessage?> RunAsync([QueueTrigger(QueueNames.RegistryEvents)] string blobEvent, CancellationToken cancellationToken)
    {
        if (BlobEvents.CreatedIn(blobEvent, account.Options.RegistryContainer, logger) is not { } created)
        {
            return null;
        }

        if (FederalPath.TryParse(created.BlobName, out var period, out _))
        {
            return (await federal.CheckAsync(period, created.BlobName, cancellationToken)).Notice;
        }

        var outcome = await check.CheckAsync(created.BlobName, cancellationToken);
        return outcome.Notice;
    }
}
