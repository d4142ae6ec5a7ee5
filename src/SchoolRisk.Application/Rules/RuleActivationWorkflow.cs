using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Storage.Rules;

namespace SchoolRisk.Application.Rules;

/// <summary>
/// Activating a rule set, the one way every door does it (the <c>rules</c> container through <c>RulesChanged</c>, CLI
/// <c>rules activate</c> and <c>rules rollback</c>): the active version itself is <see cref="RuleActivationOutcome.Unchanged"/>;
/// otherwise the candidate is checked (<see cref="RuleCandidateCheck"/>: validation, removals, the latest period's data)
/// and activated (<see cref="RuleStore.ActivateAsync"/>), or the rejection is recorded with every problem
/// (<see cref="RuleStore.RejectAsync"/>) and the active version stays. Only a fault of storage throws.
/// </summary>
public sealed class RuleActivationWorkflow(RuleStore store, RuleCandidateCheck check)
{
    /// <summary>Checks <paramref name="files"/> and activates them, or records why not.</summary>
    public async Task<RuleActivation> ActivateAsync(IReadOnlyList<RuleFile> files, RuleChange change, CancellationToken cancellationToken) =>
        await ActivateAsync(files, [], change, cancellationToken);

    /// <summary>
    /// Checks <paramref name="files"/> and activates them, or records why not; <paramref name="unreadable"/> are problems
    /// found reading the candidate (a file too large to be a rule file), which refuse it whatever the files are.
    /// </summary>
    public async Task<RuleActivation> ActivateAsync(IReadOnlyList<RuleFile> files, IReadOnlyList<string> unreadable, RuleChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(unreadable);
        ArgumentNullException.ThrowIfNull(change);
        var active = await store.ActiveAsync(cancellationToken);
        if (unreadable.Count > 0)
        {
            return await store.RejectAsync(files, change, unreadable, cancellationToken);
        }

        if (active?.Version == RuleSet.VersionOf(files))
        {
            // The active version itself (an event for a file that changed nothing): checked when it was activated.
            return RuleActivation.Unchanged(active.Version);
        }

        var activeFiles = active is null ? [] : await store.ReadVersionAsync(active.Version, cancellationToken);
        var verdict = await check.CheckAsync(files, activeFiles, change.AllowRemoval, cancellationToken);
        return verdict.RuleSet is { } ruleSet
            ? await store.ActivateAsync(files, ruleSet, change, cancellationToken)
            : await store.RejectAsync(files, change, verdict.Problems, cancellationToken);
    }

    /// <summary>
    /// Activates <paramref name="files"/> from a door other than the <c>rules</c> container (the page, CLI <c>rules
    /// activate</c> and <c>rules rollback</c>) and, once active, makes the container hold them, so that it stays the
    /// source of truth: written without the re-evaluation request (the container's event must not ask for it twice) and
    /// without leave to remove (a container caught half-written must not be activated with it). The container's events
    /// then find the active version itself (<see cref="RuleActivationOutcome.Unchanged"/>).
    /// </summary>
    public async Task<RuleActivation> ActivateAndKeepInContainerAsync(IReadOnlyList<RuleFile> files, RuleChange change, CancellationToken cancellationToken)
    {
        var activation = await ActivateAsync(files, change, cancellationToken);
        if (activation.Outcome == RuleActivationOutcome.Activated)
        {
            await store.WriteEditableAsync(files, change with { ReevaluatePeriod = null, AllowRemoval = false }, cancellationToken);
        }

        return activation;
    }

    /// <summary>
    /// On first start: fills an empty <c>rules</c> container with <paramref name="defaults"/> and activates them after
    /// validation (there is no active version to lose blocks of, and no data yet); afterwards the container is the
    /// source of truth and this changes nothing. When it activates, it also gives the rule set it validated, so the
    /// start need not load the same files again (<see cref="RuleSetProvider.Adopt"/>).
    /// </summary>
    public static async Task<SeededRules> SeedAsync(RuleStore store, IReadOnlyList<RuleFile> defaults, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (await store.ActiveAsync(cancellationToken) is { } active)
        {
            return new SeededRules(RuleActivation.Unchanged(active.Version), null);
        }

        var change = new RuleChange("приложение", "первый запуск: правила, поставленные с приложением", "seed") { ByOrigin = AuthorOrigin.System };
        if ((await store.ReadEditableAsync(cancellationToken)).Files.Count == 0)
        {
            await store.WriteEditableAsync(defaults, change, cancellationToken);
        }

        var editable = await store.ReadEditableAsync(cancellationToken);
        var (ruleSet, problems) = await RuleCandidateCheck.ValidateAsync(editable.Files, cancellationToken);
        if (ruleSet is null || editable.Problems.Count > 0)
        {
            return new SeededRules(await store.RejectAsync(editable.Files, change, [.. editable.Problems, .. problems], cancellationToken), null);
        }

        var activation = await store.ActivateAsync(editable.Files, ruleSet, change, cancellationToken);
        return new SeededRules(activation, activation.ActiveVersion == ruleSet.Version ? ruleSet : null);
    }
}
