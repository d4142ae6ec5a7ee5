using Microsoft.Extensions.Logging;
using SchoolRisk.Application.Recalculation;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Rules;

namespace SchoolRisk.Application.Rules;

/// <summary>
/// The workflow behind <c>RulesChanged</c>: a file of the <c>rules</c> container changed. Reads the container's files as
/// the candidate and who changed them (blob metadata <c>changedby</c>, recorded as declared, not verified; <c>reason</c>;
/// <c>allowremoval</c>) and hands them to <see cref="RuleActivationWorkflow"/>: activated (this instance then uses the new
/// version at once), or the rejection recorded with every problem while the active version stays. Whatever the files
/// contain, it ends normally: a person's mistake is a recorded rejection, never a retry or a poison message; only a fault
/// of storage throws. When the change asks for it (blob metadata <c>reevaluate</c> = a period), the answer carries the
/// <see cref="RecalculationRequest"/> that re-evaluates that period with the new version; metadata that names no period
/// like 2023-2024 is a person's mistake too: the activation stands, nothing is re-evaluated, and the log warns why.
/// </summary>
public sealed class RulesContainerActivation(
    RuleStore store, RuleActivationWorkflow workflow, RuleSetProvider provider, StorageAccount account, TimeProvider time, ILogger<RulesContainerActivation> logger)
{
    /// <param name="blobName">The changed blob, in the rules container (for the log).</param>
    /// <param name="cancellationToken">Cancels the activation; the event is then retried.</param>
    public async Task<RulesContainerOutcome> ActivateAsync(string blobName, CancellationToken cancellationToken)
    {
        var candidate = await store.ReadEditableAsync(cancellationToken);
        var active = await store.ActiveAsync(cancellationToken) is { } pointer ? await store.ReadVersionAsync(pointer.Version, cancellationToken) : [];
        var change = store.ChangeOf(candidate, active, blobName);
        var activation = await workflow.ActivateAsync(candidate.Files, candidate.Problems, change, cancellationToken);
        Period? reevaluate = change.ReevaluatePeriod is { } text && Period.TryParse(text, out var parsed) ? parsed : null;
        var notAPeriod = activation.Outcome == RuleActivationOutcome.Activated && change.ReevaluatePeriod is not null && reevaluate is null;
        var message = activation.Outcome switch
        {
            RuleActivationOutcome.Activated when notAPeriod =>
                $"Rule set {activation.ActiveVersion} activated ({change.Reason}, by {change.By}, declared); nothing re-evaluated: " +
                $"its metadata reevaluate = '{change.ReevaluatePeriod}' is not a period like 2023-2024.",
            RuleActivationOutcome.Activated => $"Rule set {activation.ActiveVersion} activated ({change.Reason}, by {change.By}, declared).",
            RuleActivationOutcome.Unchanged => $"Rule set {activation.ActiveVersion} already active: {blobName} changed nothing.",
            _ => $"Rules in the {account.Options.RulesContainer} container rejected; {activation.ActiveVersion?.ToString() ?? "none"} stays active; {activation.Problems.Count} problems, " +
                $"the whole text in {activation.ProblemsBlob}: {Quoted(activation.Problems)}",
        };
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RuleSetVersion"] = activation.ActiveVersion?.ToString() ?? "none", ["BlobName"] = blobName });
        if (activation.Outcome == RuleActivationOutcome.Rejected)
        {
            logger.LogWarning("{Message}", message);
        }
        else
        {
            logger.Log(notAPeriod ? LogLevel.Warning : LogLevel.Information, "{Message}", message);
            await provider.RefreshAsync(cancellationToken);
        }

        return new RulesContainerOutcome(
            message,
            reevaluate is { } period && activation.Outcome == RuleActivationOutcome.Activated
                ? new RecalculationRequest(period, activation.ActiveVersion, time.GetUtcNow())
                : null);
    }

    /// <summary>The first problems for the log, at most about 4,000 characters: the rejection's blob has them all.</summary>
    private static string Quoted(IReadOnlyList<string> problems)
    {
        var quoted = string.Join(" | ", problems.Take(20));
        return quoted.Length <= 4000 ? quoted : string.Concat(quoted.AsSpan(0, 4000), "…");
    }
}
