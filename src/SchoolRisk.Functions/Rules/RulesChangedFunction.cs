using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Application.Recalculation;
using SchoolRisk.Application.Rules;
using SchoolRisk.Functions.Queues;
using SchoolRisk.Storage;

namespace SchoolRisk.Functions.Rules;

/// <summary>
/// <c>RulesChanged</c>: an Event Grid BlobCreated event for the rules container on <c>rules-events</c> →
/// <see cref="RulesContainerActivation.ActivateAsync"/>; outputs a recalculation on <c>period-recalculations</c> when the
/// activated change asks to re-evaluate a period. Only a fault of storage fails the invocation.
/// </summary>
public sealed class RulesChangedFunction(RulesContainerActivation activation, StorageAccount account, ILogger<RulesChangedFunction> logger)
{
    [Function("RulesChanged")]
    [QueueOutput(QueueNames.PeriodRecalculations)]
    public async Task<RecalculationRequest?> RunAsync([QueueTrigger(QueueNames.RulesEvents)] string blobEvent, CancellationToken cancellationToken)
    {
        if (BlobEvents.CreatedIn(blobEvent, account.Options.RulesContainer, logger) is not { } created)
        {
            return null;
        }

        var outcome = await activation.ActivateAsync(created.BlobName, cancellationToken);
        return outcome.Recalculation;
    }
}
