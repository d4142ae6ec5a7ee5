using SchoolRisk.Application.Notes;
using SchoolRisk.Application.Rules;
using SchoolRisk.Application.Views;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Support;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Support;

namespace SchoolRisk.Application.Support;

/// <summary>
/// The committee's support decisions (issue 23, item 3), for the doors <c>/api/support/{period}…</c> and
/// <c>schoolrisk support</c>: record, change and withdraw a decision (checked against the registry and the period's
/// results by <see cref="SupportDecisionCheck"/>; every change audited in <see cref="SupportAuditTable"/> before it is
/// made), list a period's decisions with mentor proposals (<see cref="MentorMatching"/>) and the subsidy list
/// (<see cref="SubsidyList"/>), both with the active rule set's <see cref="Domain.Evaluation.RuleSet.Support"/>, and the audit. Only the committee's
/// key (or the master key) writes; a municipality's key reads its own schools only and gets no proposals. A change asks
/// for the analytical notes it shows in to be written again (<see cref="NoteRewrites"/>).
/// </summary>
public sealed class SupportWorkflow(
    SupportDecisionTable decisions, SupportAuditTable audit, ResultTable results, SchoolRegistryBlob registry, RecipientListBlob recipients, RuleSetProvider rules, NoteRewrites notes,
    TimeProvider time)
{
    /// <summary>The MIME type of the subsidy workbook.</summary>
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <param name="scope">What the caller may see and do.</param>
    /// <param name="period">The school year, like <c>2023-2024</c>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The decisions, proposals and subsidy list the caller may see; not a period: why not.</returns>
    public async Task<ViewAnswer<SupportView>> GetAsync(AccessScope scope, string? period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!Period.TryParse(period, out var parsed))
        {
            return ViewAnswer.NotAPeriod<SupportView>(period);
        }

        var (schools, decided, registered) = await LoadAsync(parsed, cancellationToken);
        var names = await recipients.LoadAsync(cancellationToken);
        var settings = (await rules.GetAsync(cancellationToken)).Support;
        var load = decided.Where(decision => decision.Kind == SupportKind.Mentoring && decision.MentorId is not null)
            .GroupBy(decision => decision.MentorId!.Value).ToDictionary(group => group.Key, group => group.Count());
        bool Sees(SchoolId school) => registered.Find(school) is { } found && scope.Sees(found.MunicipalityId.ToString());
        return ViewAnswer.Found(new SupportView(
            parsed.ToString(),
            scope.Committee,
            settings.MaxMenteesPerMentor,
            [.. SupportKinds.Kinds.Select(kind => new SupportKindView(kind.ToKey(), kind.Title()))],
            [.. decided.Where(decision => Sees(decision.SchoolId)).Select(decision => ViewOf(decision, registered))],
            scope.Region ? [.. MentorMatching.Propose(schools, decided, settings).Select(ViewOf)] : [],
            scope.Region
                ? [.. MentorMatching.Candidates(schools).OrderBy(school => school.School.Id).Select(school => new MentorCandidateView(
                    school.School.Id.ToString(), school.School.Name, school.School.MunicipalityId.ToString(), school.LevelTitle,
                    MentorMatching.ReasonOf(school), load.GetValueOrDefault(school.School.Id)))]
                : [],
            [.. SubsidyList.For(schools, decided, settings).Where(entry => Sees(entry.School.School.Id)).Select(entry => new SubsidyEntryView(
                entry.School.School.MunicipalityId.ToString(), names.NameOf(entry.School.School.MunicipalityId.ToString()), entry.School.School.Id.ToString(),
                entry.School.School.Name, entry.School.LevelTitle, entry.Classification, entry.Reason, [.. entry.Decided.Select(kind => kind.Title())]))]));
    }

    /// <summary>The period's mentor proposals, region-wide (the CLI's <c>support mentors</c>).</summary>
    public async Task<IReadOnlyList<MentorProposalView>> ProposeAsync(Period period, CancellationToken cancellationToken)
    {
        var (schools, decided, _) = await LoadAsync(period, cancellationToken);
        return [.. MentorMatching.Propose(schools, decided, (await rules.GetAsync(cancellationToken)).Support).Select(ViewOf)];
    }

    /// <param name="scope">What the caller may see: a municipality's key its own schools' entries.</param>
    /// <param name="period">The school year.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The audit trail the caller may see, oldest first; not a period: why not.</returns>
    public async Task<ViewAnswer<SupportAuditView>> AuditAsync(AccessScope scope, string? period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!Period.TryParse(period, out var parsed))
        {
            return ViewAnswer.NotAPeriod<SupportAuditView>(period);
        }

        var registered = await registry.LoadAsync(cancellationToken);
        var entries = await audit.ListAsync(parsed, cancellationToken);
        return ViewAnswer.Found(new SupportAuditView(parsed.ToString(), [.. entries
            .Where(entry => scope.Region || (registered.Find(entry.SchoolId) is { } school && scope.Sees(school.MunicipalityId.ToString())))
            .Select(entry => new SupportAuditEntryView(
                entry.SchoolId.ToString(), entry.Kind.ToKey(), entry.Kind.Title(), ActionKey(entry.Action), ActionTitle(entry.Action), entry.By, entry.At,
                entry.Before is { } before ? ViewOf(before, registered) : null, entry.After is { } after ? ViewOf(after, registered) : null))]));
    }

    /// <param name="scope">What the caller may see: a municipality's key its own schools.</param>
    /// <param name="period">The school year.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The subsidy list as an XLSX workbook, <c>subsidy-{period}.xlsx</c>; not a period: why not.</returns>
    public async Task<ViewAnswer<TemplateFile>> SubsidyWorkbookAsync(AccessScope scope, string? period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!Period.TryParse(period, out var parsed))
        {
            return ViewAnswer.NotAPeriod<TemplateFile>(period);
        }

        var (schools, decided, _) = await LoadAsync(parsed, cancellationToken);
        var names = await recipients.LoadAsync(cancellationToken);
        var entries = SubsidyList.For(schools, decided, (await rules.GetAsync(cancellationToken)).Support).Where(entry => scope.Sees(entry.School.School.MunicipalityId.ToString())).ToList();
        using var content = new MemoryStream();
        SubsidyList.WriteXlsx(entries, parsed, names.NameOf, content);
        return ViewAnswer.Found(new TemplateFile($"subsidy-{parsed}.xlsx", XlsxContentType, content.ToArray()));
    }

    /// <summary>
    /// Records <paramref name="draft"/> for the school in the period: a new decision, or a change of the school's decision
    /// of that kind. The audit entry is written first, then the decision, only if nobody changed it meanwhile.
    /// </summary>
    /// <param name="scope">Only the committee records.</param>
    /// <param name="period">The school year.</param>
    /// <param name="draft">What was sent.</param>
    /// <param name="channel">How the sender is known, in Russian («ключ committee», «мастер-ключ», «командная строка, не проверено»).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>
    /// Done with the decision (a subsidy for a school outside the subsidy's criteria says so; a decision sent again unchanged
    /// is not audited again); or forbidden, not a period, refused with every problem (a period without results is refused),
    /// conflict.
    /// </returns>
    public async Task<SupportAnswer> RecordAsync(AccessScope scope, string? period, SupportDecisionDraft draft, string channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(draft);
        if (!scope.Committee)
        {
            return SupportAnswer.NotCommittee;
        }

        if (!Period.TryParse(period, out var parsed))
        {
            return SupportAnswer.NotAPeriod(period);
        }

        var registered = await registry.LoadAsync(cancellationToken);
        var groups = await results.RiskGroupsAsync(parsed, null, cancellationToken);
        if (groups.Count == 0)
        {
            return SupportAnswer.Refused([$"За {parsed} нет результатов оценки: решение о поддержке записывается по итогам оценки периода. Проверьте учебный год."]);
        }

        var low = groups.Where(school => school.Value.InGroup).Select(school => school.Key).ToHashSet();
        var check = SupportDecisionCheck.Of(parsed, draft, channel, time.GetUtcNow(), registered, low);
        if (check.Decision is not { } decision)
        {
            return SupportAnswer.Refused(check.Problems);
        }

        var existing = await decisions.GetAsync(parsed, decision.SchoolId, decision.Kind, cancellationToken);
        if (existing is not null && existing.Decision with { DecidedBy = decision.DecidedBy, DecidedAt = decision.DecidedAt } == decision)
        {
            var same = ViewOf(existing.Decision, registered);
            return new SupportAnswer(SupportOutcome.Done, same, $"Без изменений: {decision.Kind.Title()} для школы «{same.SchoolName}» ({decision.SchoolId}) уже записано так; в журнал не внесено.", []);
        }

        var action = existing is null ? SupportAuditAction.Recorded : SupportAuditAction.Changed;
        await audit.AppendAsync(new SupportAuditEntry(parsed, decision.SchoolId, decision.Kind, action, decision.DecidedBy, decision.DecidedAt, existing?.Decision, decision), cancellationToken);
        if (!await decisions.WriteAsync(decision, existing, cancellationToken))
        {
            return Conflict(decision);
        }

        await notes.AfterSupportChangedAsync(parsed, cancellationToken);

        var view = ViewOf(decision, registered);
        return new SupportAnswer(
            SupportOutcome.Done, view,
            $"{(existing is null ? "Записано" : "Изменено")}: {decision.Kind.Title()} для школы «{view.SchoolName}» ({decision.SchoolId}), {parsed}." +
                (decision.Kind == SupportKind.Subsidy && !await MeetsSubsidyCriteriaAsync(parsed, decision.SchoolId, cancellationToken)
                    ? " Обратите внимание: школа не отвечает критериям субсидии этого периода и не входит в список на субсидию."
                    : string.Empty),
            []);
    }

    /// <summary>Withdraws the school's decision of a kind in the period; the audit entry is written first, with the decision as it was.</summary>
    /// <param name="scope">Only the committee withdraws.</param>
    /// <param name="period">The school year.</param>
    /// <param name="withdrawal">Which decision, and who withdraws it.</param>
    /// <param name="channel">How the sender is known, in Russian.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Done with the decision withdrawn; or forbidden, not a period, refused (no school or kind), not found, conflict.</returns>
    public async Task<SupportAnswer> WithdrawAsync(AccessScope scope, string? period, SupportWithdrawal withdrawal, string channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(withdrawal);
        if (!scope.Committee)
        {
            return SupportAnswer.NotCommittee;
        }

        if (!Period.TryParse(period, out var parsed))
        {
            return SupportAnswer.NotAPeriod(period);
        }

        var problems = new List<string>();
        if (!SchoolId.TryParse(withdrawal.School?.Trim(), out var school))
        {
            problems.Add(string.IsNullOrWhiteSpace(withdrawal.School) ? "Не указана школа (school)." : SchoolId.ProblemOf(withdrawal.School.Trim())!);
        }

        if (!SupportKinds.TryParse(withdrawal.Kind, out var kind))
        {
            problems.Add($"{(string.IsNullOrWhiteSpace(withdrawal.Kind) ? "Не указан вид поддержки (kind)" : $"Вид поддержки «{withdrawal.Kind}» не распознан")}: укажите один из: {SupportKinds.Choices}.");
        }

        if (withdrawal.By?.Trim().Length > SupportDecisionCheck.MaxNameLength)
        {
            problems.Add($"Имя (by) длиннее {SupportDecisionCheck.MaxNameLength} знаков.");
        }

        if (problems.Count > 0)
        {
            return SupportAnswer.Refused(problems);
        }

        if (await decisions.GetAsync(parsed, school, kind, cancellationToken) is not { } existing)
        {
            return new SupportAnswer(SupportOutcome.NotFound, null, $"Решения «{kind.Title()}» для школы «{school}» за {parsed} нет: отзывать нечего.", []);
        }

        await audit.AppendAsync(
            new SupportAuditEntry(parsed, school, kind, SupportAuditAction.Withdrawn, SupportDecisionCheck.Who(withdrawal.By, channel), time.GetUtcNow(), existing.Decision, null),
            cancellationToken);
        if (!await decisions.DeleteAsync(existing, cancellationToken))
        {
            return Conflict(existing.Decision);
        }

        await notes.AfterSupportChangedAsync(parsed, cancellationToken);

        var view = ViewOf(existing.Decision, await registry.LoadAsync(cancellationToken));
        return new SupportAnswer(SupportOutcome.Done, view, $"Отозвано: {kind.Title()} для школы «{view.SchoolName}» ({school}), {parsed}.", []);
    }

    private async Task<bool> MeetsSubsidyCriteriaAsync(Period period, SchoolId school, CancellationToken cancellationToken)
    {
        var (schools, decided, _) = await LoadAsync(period, cancellationToken);
        return SubsidyList.For(schools, decided, (await rules.GetAsync(cancellationToken)).Support).Any(entry => entry.School.School.Id == school);
    }

    /// <summary>The period's schools (registered, with results), its decisions, and the registry.</summary>
    private async Task<(IReadOnlyList<SupportSchool> Schools, IReadOnlyList<SupportDecision> Decided, SchoolRegistry Registry)> LoadAsync(
        Period period, CancellationToken cancellationToken)
    {
        var registered = await registry.LoadAsync(cancellationToken);
        var stored = await results.ListAsync(period, cancellationToken).ToListAsync(cancellationToken);
        var schools = stored
            .Select(result => registered.Find(result.SchoolId) is { } school ? new SupportSchool(school, result.Classification, result.Assessment) : null)
            .OfType<SupportSchool>()
            .ToList();
        return (schools, await decisions.ListAsync(period, cancellationToken), registered);
    }

    private static SupportAnswer Conflict(SupportDecision decision) => new(
        SupportOutcome.Conflict, null,
        $"Решение «{decision.Kind.Title()}» для школы «{decision.SchoolId}» только что изменил кто-то другой: обновите список и повторите.", []);

    private static SupportDecisionView ViewOf(SupportDecision decision, SchoolRegistry registered)
    {
        var school = registered.Find(decision.SchoolId);
        return new SupportDecisionView(
            decision.SchoolId.ToString(), school?.Name ?? string.Empty, school?.MunicipalityId.ToString() ?? string.Empty, decision.Kind.ToKey(), decision.Kind.Title(),
            decision.Amount, decision.MentorId?.ToString(), decision.MentorId is { } mentor ? registered.Find(mentor)?.Name : null, decision.Comment, decision.DecidedBy, decision.DecidedAt);
    }

    private static MentorProposalView ViewOf(MentorProposal proposal) => new(
        proposal.Mentee.School.Id.ToString(), proposal.Mentee.School.Name, proposal.Mentee.School.MunicipalityId.ToString(), proposal.Mentee.LevelTitle,
        proposal.Mentee.Classification.ResultsIndex, proposal.Mentor?.School.Id.ToString(), proposal.Mentor?.School.Name, proposal.Mentor?.School.MunicipalityId.ToString(),
        proposal.MentorReason, proposal.Proximity is { } proximity ? ProximityKey(proximity) : null, proposal.Proximity?.Title(), proposal.NotFound);

    private static string ProximityKey(MentorProximity proximity) => proximity switch
    {
        MentorProximity.Municipality => "municipality",
        MentorProximity.District => "district",
        _ => "region",
    };

    private static string ActionKey(SupportAuditAction action) => action switch
    {
        SupportAuditAction.Recorded => "recorded",
        SupportAuditAction.Changed => "changed",
        _ => "withdrawn",
    };

    private static string ActionTitle(SupportAuditAction action) => action switch
    {
        SupportAuditAction.Recorded => "записано",
        SupportAuditAction.Changed => "изменено",
        _ => "отозвано",
    };
}
