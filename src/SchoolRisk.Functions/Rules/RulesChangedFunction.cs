using SchoolRisk.Functions.CustomHandler;
using SchoolRisk.Functions.Recalculate;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Rules;

namespace SchoolRisk.Functions.Rules;

/// <summary>
/// <c>RulesChanged</c>: queue trigger <c>event</c> on <c>rules-events</c> (Event Grid BlobCreated events for the rules
/// container). Validates the container's files as a whole and activates them, or records the rejection with every
/// problem and keeps the active version. When the change asks for it (blob metadata <c>reevaluate</c> = a period),
/// queue output <c>recalculation</c> on <c>period-recalculations</c> re-evaluates that period with the new version.
/// See <c>RulesChanged/function.json</c>.
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
        InvocationRequest request, RuleStore store, RuleSetProvider provider, StorageAccount account, TimeProvider time, ILogger<RuleStore> logger,
        CancellationToken cancellationToken)
    {
        if (!BlobEventTrigger.TryRead(request, TriggerBinding, account.Options.RulesContainer, out var blobEvent, out var answer))
        {
            return answer;
        }

        var candidate = await store.ReadEditableAsync(cancellationToken);
        var active = await store.ActiveAsync(cancellationToken) is { } pointer ? await store.ReadVersionAsync(pointer.Version, cancellationToken) : [];
        var change = await store.ChangeOfAsync(candidate, active, cancellationToken);
        var activation = await store.ActivateAsync(candidate, change, cancellationToken);
        var message = activation.Outcome switch
        {
            RuleActivationOutcome.Activated => $"Rule set {activation.ActiveVersion} activated ({change.Reason}, by {change.By}).",
            RuleActivationOutcome.Unchanged => $"Rule set {activation.ActiveVersion} already active: {blobEvent.BlobName} changed nothing.",
            _ => $"Rules in the {account.Options.RulesContainer} container rejected; {activation.ActiveVersion} stays active: {string.Join(" | ", activation.Problems)}",
        };
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RuleSetVersion"] = activation.ActiveVersion, ["BlobName"] = blobEvent.BlobName });
        if (activation.Outcome == RuleActivationOutcome.Rejected)
        {
            logger.LogWarning("{Message}", message);
        }
        else
        {
            logger.LogInformation("{Message}", message);
            await provider.RefreshAsync(cancellationToken);
        }

        var outputs = new Dictionary<string, object?>();
        if (activation.Outcome == RuleActivationOutcome.Activated && change.ReevaluatePeriod is { } period)
        {
            outputs[RecalculationBinding] = new RecalculationRequest(period, activation.ActiveVersion, time.GetUtcNow());
        }

        return FunctionJson.Ok(new InvocationResponse(outputs, [message]));
    }
}
