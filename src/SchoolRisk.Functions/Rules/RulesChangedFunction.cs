using SchoolRisk.Functions.CustomHandler;
using SchoolRisk.Functions.Recalculate;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Rules;

namespace SchoolRisk.Functions.Rules;

/// <summary>
/// <c>RulesChanged</c>: queue trigger <c>event</c> on <c>rules-events</c> (Event Grid BlobCreated events for the rules
/// container). Reads the container's files as the candidate and who changed them (blob metadata <c>changedby</c>, recorded
/// as declared, not verified; <c>reason</c>; <c>allowremoval</c>) and hands them to <see cref="RuleActivationWorkflow"/>:
/// activated, or the rejection recorded with every problem while the active version stays. Whatever the files contain,
/// the message completes: a person's mistake is a recorded rejection, never a retry or a poison message; only a fault of
/// storage fails the invocation, for the queue to retry. When the change asks for it (blob metadata <c>reevaluate</c> = a
/// period), queue output <c>recalculation</c> on <c>period-recalculations</c> re-evaluates that period with the new
/// version. See <c>RulesChanged/function.json</c>.
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
        InvocationRequest request, RuleStore store, RuleActivationWorkflow workflow, RuleSetProvider provider, StorageAccount account, TimeProvider time,
        ILogger<RuleStore> logger, CancellationToken cancellationToken)
    {
        if (!BlobEventTrigger.TryRead(request, TriggerBinding, account.Options.RulesContainer, out var blobEvent, out var answer))
        {
            return answer;
        }

        var candidate = await store.ReadEditableAsync(cancellationToken);
        var active = await store.ActiveAsync(cancellationToken) is { } pointer ? await store.ReadVersionAsync(pointer.Version, cancellationToken) : [];
        var change = await store.ChangeOfAsync(candidate.Files, active, cancellationToken);
        var activation = await workflow.ActivateAsync(candidate.Files, candidate.Problems, change, cancellationToken);
        var message = activation.Outcome switch
        {
            RuleActivationOutcome.Activated => $"Rule set {activation.ActiveVersion} activated ({change.Reason}, by {change.By}, declared).",
            RuleActivationOutcome.Unchanged => $"Rule set {activation.ActiveVersion} already active: {blobEvent.BlobName} changed nothing.",
            _ => $"Rules in the {account.Options.RulesContainer} container rejected; {activation.ActiveVersion} stays active; {activation.Problems.Count} problems, " +
                $"the whole text in {activation.ProblemsBlob}: {Quoted(activation.Problems)}",
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

    /// <summary>The first problems for the log, at most about 4,000 characters: the rejection's blob has them all.</summary>
    private static string Quoted(IReadOnlyList<string> problems)
    {
        var quoted = string.Join(" | ", problems.Take(20));
        return quoted.Length <= 4000 ? quoted : string.Concat(quoted.AsSpan(0, 4000), "…");
    }
}
