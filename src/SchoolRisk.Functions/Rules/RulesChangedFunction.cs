using SchoolRisk.Application.Rules;
using SchoolRisk.Functions.CustomHandler;
using SchoolRisk.Storage;

namespace SchoolRisk.Functions.Rules;

/// <summary>
/// <c>RulesChanged</c>: queue trigger <c>event</c> on <c>rules-events</c> (Event Grid BlobCreated events for the rules
/// container) → <see cref="RulesContainerActivation.ActivateAsync"/>; queue output <c>recalculation</c> on
/// <c>period-recalculations</c> when the activated change asks to re-evaluate a period. Only a fault of storage fails the
/// invocation. See <c>RulesChanged/function.json</c>.
/// </summary>
public static class RulesChangedFunction
{
    public const string TriggerBinding = "event";
    public const string RecalculationBinding = "recalculation";

    public static IEndpointRouteBuilder MapRulesChanged(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/RulesChanged", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        InvocationRequest request, RulesContainerActivation activation, StorageAccount account, CancellationToken cancellationToken)
    {
        if (!BlobEventTrigger.TryRead(request, TriggerBinding, account.Options.RulesContainer, out var blobEvent, out var answer))
        {
            return answer;
        }

        var outcome = await activation.ActivateAsync(blobEvent.BlobName, cancellationToken);
        return FunctionJson.Ok(new InvocationResponse(new Dictionary<string, object?>().With(RecalculationBinding, outcome.Recalculation), [outcome.Message]));
    }
}
