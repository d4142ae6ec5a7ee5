using Microsoft.Extensions.Logging;
using SchoolRisk.Application.Recalculation;
using SchoolRisk.Application.Views;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Evaluation.Editing;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Rules;

namespace SchoolRisk.Application.Rules;

/// <summary>
/// The workflows behind the administrator's page: the rules in force as a table, a candidate checked as an activation
/// would check it, its activation, a rollback, and the diff of two versions. Candidates are <see cref="RuleDraft"/>s
/// relative to the version in force; every activation goes through <see cref="RuleActivationWorkflow"/>, exactly as a
/// file written into the <c>rules</c> container does (<c>RulesChanged</c>), so a bad edit can never become active from
/// the page: it is refused with every problem, recorded as a rejection, and the version in force stays. Only the holder of
/// <see cref="AccessScope.RulesAdministratorKey"/> or the master key may ask. The author recorded is the key's name
/// (verified by the Functions host), with the name the person typed, declared, before it.
/// </summary>
public sealed class RuleAdministrationHandler(
    RuleStore store, RuleActivationWorkflow workflow, RuleCandidateCheck check, RuleSetProvider provider, TimeProvider time, ILogger<RuleAdministrationHandler> logger)
{
    /// <summary>The longest reason or author name kept, in characters.</summary>
    public const int MaxTextLength = 500;

    /// <summary>The rules in force: version, activation, numbers and files.</summary>
    public async Task<RuleAnswer<RulesInForceView>> InForceAsync(string? keyName, bool masterKey, CancellationToken cancellationToken)
    {
        if (Forbidden<RulesInForceView>(keyName, masterKey) is { } refusal)
        {
            return refusal;
        }

        if (await store.ActiveAsync(cancellationToken) is not { } active)
        {
            return RuleAnswer.Done(new RulesInForceView(null, null, []), "No rule set is active yet.");
        }

        var files = await store.ReadVersionAsync(active.Version, cancellationToken);
        var record = await store.ListVersionsAsync(cancellationToken).FirstOrDefaultAsync(version => version.Version == active.Version, cancellationToken);
        var ruleSet = await InForceRuleSetAsync(active.Version, files, cancellationToken);
        return RuleAnswer.Done(
            new RulesInForceView(
                record is null ? new RuleVersionView(active.Version.ToString(), active.ActivatedAt, string.Empty, AuthorOrigin.System, string.Empty, string.Empty) : RuleVersionsQuery.ViewOf(record),
                ruleSet is null ? null : RuleTable.Of(ruleSet, files),
                [.. files.Select(file => new RuleFileView(file.Name, file.Json))]),
            $"Rules in force: {active.Version}.");
    }

    /// <summary>
    /// Checks the candidate of <paramref name="body"/> (a <see cref="RuleDraft"/>, and <c>allowRemoval</c>) as an
    /// activation would (<see cref="RuleCandidateCheck.CheckAsync"/>), writing nothing.
    /// </summary>
    public async Task<RuleAnswer<RuleCheckView>> CheckAsync(string? keyName, bool masterKey, string? body, CancellationToken cancellationToken)
    {
        if (Forbidden<RuleCheckView>(keyName, masterKey) is { } refusal)
        {
            return refusal;
        }

        if (!RuleDoors.TryReadBody(body, out var root, out var error) || !RuleDraft.TryRead(root, out var draft, out error))
        {
            return RuleAnswer.Refusal<RuleCheckView>(RuleAnswerKind.Malformed, error);
        }

        var active = await ActiveFilesAsync(cancellationToken);
        var candidate = draft.CandidateOf(active);
        var names = candidate.Files.Select(file => file.Name).ToList();
        var changed = candidate.Files.Where(file => !active.Contains(file)).Select(file => new RuleFileView(file.Name, file.Json)).ToList();
        var removedFiles = active.Select(file => file.Name).Except(names, StringComparer.Ordinal).ToList();
        if (candidate.Problems.Count > 0)
        {
            return RuleAnswer.Done(
                new RuleCheckView(RuleSet.VersionOf(candidate.Files).ToString(), false, changed, removedFiles, [.. candidate.Problems.Select(problem => RuleProblem.Of(problem, names))], [], null),
                $"Rule check: {candidate.Problems.Count} edits address no number.");
        }

        var verdict = await check.CheckAsync(candidate.Files, active, RuleDoors.Flag(root, "allowRemoval"), cancellationToken);
        // A candidate refused for its data or its removals still loads: its table shows the numbers the page sent.
        var loaded = verdict.RuleSet ?? (await RuleCandidateCheck.ValidateAsync(candidate.Files, cancellationToken)).RuleSet;
        var view = new RuleCheckView(
            RuleSet.VersionOf(candidate.Files).ToString(),
            verdict.RuleSet is not null,
            changed,
            removedFiles,
            [.. verdict.Problems.Select(problem => RuleProblem.Of(problem, names))],
            [.. verdict.Removed.Select(removal => removal.Description)],
            loaded is null ? null : RuleTable.Of(loaded, candidate.Files));
        return RuleAnswer.Done(view, $"Rule check of {view.Version} by {Caller(keyName, masterKey)}: {view.Problems.Count} problems.");
    }

    /// <summary>
    /// Activates the candidate of <paramref name="body"/>: a <see cref="RuleDraft"/> with <c>reason</c> (required),
    /// optionally <c>by</c> (the person's name), <c>reevaluate</c> (a period to re-evaluate once active) and
    /// <c>allowRemoval</c>.
    /// </summary>
    public async Task<RuleAnswer<RuleActivationView>> ActivateAsync(string? keyName, bool masterKey, string? body, CancellationToken cancellationToken)
    {
        if (Forbidden<RuleActivationView>(keyName, masterKey) is { } refusal)
        {
            return refusal;
        }

        if (!RuleDoors.TryReadBody(body, out var root, out var error) || !RuleDraft.TryRead(root, out var draft, out error)
            || !TryReadChange(root, keyName, masterKey, "page", out var change, out error))
        {
            return RuleAnswer.Refusal<RuleActivationView>(RuleAnswerKind.Malformed, error);
        }

        var candidate = draft.CandidateOf(await ActiveFilesAsync(cancellationToken));
        return candidate.Problems.Count > 0
            ? RuleAnswer.Refusal<RuleActivationView>(RuleAnswerKind.Refused, "Правки не применяются к файлам правил; ничего не активировано.", candidate.Problems)
            : await ActivateAsync(candidate.Files, change, cancellationToken);
    }

    /// <summary>
    /// Activates an archived version again (a new, audited activation): <c>{"version": "…", "reason": "…"}</c>, optionally
    /// <c>by</c>, <c>reevaluate</c> and <c>allowRemoval</c>. It is checked as any candidate is (the data of today may
    /// make an old version's rule throw).
    /// </summary>
    public async Task<RuleAnswer<RuleActivationView>> RollbackAsync(string? keyName, bool masterKey, string? body, CancellationToken cancellationToken)
    {
        if (Forbidden<RuleActivationView>(keyName, masterKey) is { } refusal)
        {
            return refusal;
        }

        if (!RuleDoors.TryReadBody(body, out var root, out var error) || !TryReadChange(root, keyName, masterKey, "rollback", out var change, out error))
        {
            return RuleAnswer.Refusal<RuleActivationView>(RuleAnswerKind.Malformed, error);
        }

        if (!RuleSetVersion.TryParse(RuleDoors.Text(root, "version"), out var version))
        {
            return RuleAnswer.Refusal<RuleActivationView>(RuleAnswerKind.Malformed, "Укажите версию, к которой вернуться: {\"version\": \"<12 шестнадцатеричных цифр>\", \"reason\": \"…\"}.");
        }

        IReadOnlyList<RuleFile> files;
        try
        {
            files = await store.ReadVersionAsync(version, cancellationToken);
        }
        catch (RuleSetException)
        {
            return RuleAnswer.Refusal<RuleActivationView>(RuleAnswerKind.Malformed, $"Версии {version} нет в архиве правил.");
        }

        return await ActivateAsync(files, change, cancellationToken);
    }

    /// <summary>The difference between the archived versions <paramref name="from"/> and <paramref name="to"/>.</summary>
    public async Task<RuleAnswer<RuleDiffView>> DiffAsync(string? keyName, bool masterKey, string? from, string? to, CancellationToken cancellationToken)
    {
        if (Forbidden<RuleDiffView>(keyName, masterKey) is { } refusal)
        {
            return refusal;
        }

        if (!RuleSetVersion.TryParse(from, out var first) || !RuleSetVersion.TryParse(to, out var second))
        {
            return RuleAnswer.Refusal<RuleDiffView>(RuleAnswerKind.Malformed, $"«{(RuleSetVersion.TryParse(from, out _) ? to : from)}» — не версия правил (12 шестнадцатеричных цифр).");
        }

        try
        {
            var diff = RuleDiff.Files(await store.ReadVersionAsync(first, cancellationToken), await store.ReadVersionAsync(second, cancellationToken));
            return RuleAnswer.Done(new RuleDiffView(first.ToString(), second.ToString(), diff), $"Diff {first}..{second}: {diff.Count} files differ.");
        }
        catch (RuleSetException)
        {
            return RuleAnswer.Refusal<RuleDiffView>(RuleAnswerKind.Malformed, $"Версии {first} или {second} нет в архиве правил.");
        }
    }

    private async Task<RuleAnswer<RuleActivationView>> ActivateAsync(IReadOnlyList<RuleFile> files, RuleChange change, CancellationToken cancellationToken)
    {
        var activation = await workflow.ActivateAndKeepInContainerAsync(files, change, cancellationToken);
        logger.LogInformation(
            "Rule activation from the page by {By}: {Outcome}, {Version} in force ({Reason}; {Problems} problems)",
            change.By, activation.Outcome, activation.ActiveVersion?.ToString() ?? "none", change.Reason, activation.Problems.Count);
        switch (activation.Outcome)
        {
            case RuleActivationOutcome.Rejected:
                return RuleAnswer.Refusal<RuleActivationView>(
                    RuleAnswerKind.Refused,
                    $"Правила не активированы; действует прежняя версия {activation.ActiveVersion?.ToString() ?? "(нет)"}. Отказ записан в журнал.",
                    activation.Problems);
            case RuleActivationOutcome.Unchanged:
                return RuleAnswer.Done(new RuleActivationView("unchanged", activation.ActiveVersion!.Value.ToString(), $"Версия {activation.ActiveVersion} уже действует."), "Unchanged.");
            default:
                var version = activation.ActiveVersion!.Value;
                await provider.RefreshAsync(cancellationToken);
                Period? period = change.ReevaluatePeriod is { } text ? Period.Parse(text) : null;
                var message = $"Активирована версия {version}" + (period is { } p ? $"; период {p} будет пересчитан по ней." : ".");
                return RuleAnswer.Done(
                    new RuleActivationView("activated", version.ToString(), message) { Recalculation = period is { } asked ? new RecalculationRequest(asked, version, time.GetUtcNow()) : null },
                    $"Activated {version}.");
        }
    }

    /// <summary>The loaded rule set of the version in force: the provider's (loaded once per version), or loaded here when the provider has not caught up.</summary>
    private async Task<RuleSet?> InForceRuleSetAsync(RuleSetVersion version, IReadOnlyList<RuleFile> files, CancellationToken cancellationToken)
    {
        if ((await provider.GetActiveAsync(cancellationToken)).RuleSet is { } cached && cached.Version == version)
        {
            return cached;
        }

        try
        {
            return await RuleSet.LoadAsync(files, cancellationToken);
        }
        catch (RuleSetException)
        {
            return null;
        }
    }

    private async Task<IReadOnlyList<RuleFile>> ActiveFilesAsync(CancellationToken cancellationToken) =>
        await store.ActiveAsync(cancellationToken) is { } active ? await store.ReadVersionAsync(active.Version, cancellationToken) : [];

    private static RuleAnswer<T>? Forbidden<T>(string? keyName, bool masterKey)
        where T : class =>
        AccessScope.Of(keyName, masterKey).RulesAdministrator
            ? null
            : RuleAnswer.Refusal<T>(RuleAnswerKind.Forbidden, $"Правила меняют только с ключом «{AccessScope.RulesAdministratorKey}»; с ключом «{keyName}» — нет.");

    private static string Caller(string? keyName, bool masterKey) => masterKey ? "master key" : $"key '{keyName}'";

    /// <summary>Who asks and why, from the body: <c>reason</c> required; <c>by</c> declared before the key's name; <c>reevaluate</c> a period.</summary>
    private static bool TryReadChange(System.Text.Json.JsonElement root, string? keyName, bool masterKey, string source, out RuleChange change, out string error)
    {
        (change, error) = (new RuleChange(string.Empty, string.Empty, source), string.Empty);
        var reason = RuleDoors.Text(root, "reason");
        var person = RuleDoors.Text(root, "by");
        var reevaluate = RuleDoors.Text(root, "reevaluate");
        if (reason is null || reason.Length > MaxTextLength || person?.Length > MaxTextLength)
        {
            error = $"Укажите причину изменения (reason), не длиннее {MaxTextLength} знаков; имя (by) — тоже не длиннее {MaxTextLength}.";
            return false;
        }

        Period? period = null;
        if (reevaluate is not null)
        {
            if (!Period.TryParse(reevaluate, out var parsed))
            {
                error = $"{Period.ProblemOf(reevaluate)} (reevaluate)";
                return false;
            }

            period = parsed;
        }

        var key = masterKey ? "мастер-ключ" : $"ключ {keyName}";
        change = new RuleChange(person is null ? key : $"{person} ({key})", reason, source, period?.ToString())
        {
            ByOrigin = AuthorOrigin.FunctionKey,
            AllowRemoval = RuleDoors.Flag(root, "allowRemoval"),
        };
        return true;
    }
}
