using SchoolRisk.Application.Recalculation;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Municipalities;
using SchoolRisk.Storage.Rubrics;

namespace SchoolRisk.Application.Rules;

/// <summary>
/// What a candidate rule set must pass before any door activates it, and what a preview shows of it: validation
/// (<see cref="RuleSetValidation"/>: shape, allow-list, test cases); no block of the active version silently lost
/// (<see cref="RuleSetRemovals"/>, unless the administrator allows it); and no rule that throws on real data: the
/// candidate is run on the stored data of the latest period that has any, as that period's evaluation runs it (zone
/// rules, classification against the region, the integrated assessment, and the rubric bands on the period's stored
/// scores). Storage is only read; a fault there is the system's and propagates (the queue retries). Anything the
/// candidate's files make the domain throw, expected or not, is the person's file's doing and becomes a problem naming
/// it, so a rule edit can never poison a queue.
/// </summary>
public sealed class RuleCandidateCheck(PeriodEvaluator periods, MunicipalityTable municipalities, RubricTable rubrics)
{
    /// <summary>The problem that follows the removals of a change not allowed to remove: how to allow them.</summary>
    public const string RemovalNote =
        "Правка убирает из правил то, что сейчас оценивается (перечислено выше); если так и задумано, подтвердите удаление: " +
        "в командной строке — ключ --allow-removal (rules activate, rules rollback), в контейнере rules — метаданные allowremoval=true у изменённого файла.";

    /// <param name="candidate">The candidate's files.</param>
    /// <param name="active">The active version's files (none before the first activation).</param>
    /// <param name="allowRemoval">Whether the administrator allowed removing blocks.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public async Task<RuleCandidateVerdict> CheckAsync(IReadOnlyList<RuleFile> candidate, IReadOnlyList<RuleFile> active, bool allowRemoval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(active);
        var (ruleSet, invalid) = await ValidateAsync(candidate, cancellationToken);
        if (ruleSet is null)
        {
            return new RuleCandidateVerdict(null, invalid, [], null);
        }

        var removed = await RemovalsAsync(active, ruleSet, cancellationToken);
        var problems = new List<string>();
        if (removed.Count > 0 && !allowRemoval)
        {
            problems.AddRange(removed.Select(removal => removal.Description));
            problems.Add(RemovalNote);
        }

        var stored = await municipalities.PeriodsAsync(cancellationToken);
        Period? latest = stored.Count > 0 ? stored[0] : null;
        if (latest is { } period)
        {
            problems.AddRange((await RunOnAsync(period, ruleSet, candidate, cancellationToken)).Problems);
        }

        return new RuleCandidateVerdict(problems.Count == 0 ? ruleSet : null, problems, removed, latest);
    }

    /// <summary>
    /// Validates <paramref name="candidate"/>; the loaded rule set when it passes, otherwise its problems. Validation
    /// bounds every file and expression before anything parses (<see cref="RuleSetValidation"/>), so no file can overflow
    /// the stack and kill the process. An exception the validation did not expect is a problem too, with its message.
    /// </summary>
    public static async Task<(RuleSet? RuleSet, IReadOnlyList<string> Problems)> ValidateAsync(IReadOnlyList<RuleFile> candidate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        try
        {
            var validation = await RuleSetValidation.ValidateAsync(candidate, cancellationToken);
            return validation.IsValid ? (validation.RuleSet, []) : (null, validation.Problems);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return (null, [Unexpected(exception, "при проверке файлов правил")]);
        }
    }

    /// <summary>What <paramref name="candidate"/> would no longer evaluate of the active version; none when there is no active version or it cannot be loaded any more.</summary>
    public static async Task<IReadOnlyList<RuleSetRemoval>> RemovalsAsync(IReadOnlyList<RuleFile> active, RuleSet candidate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(active);
        if (active.Count == 0)
        {
            return [];
        }

        try
        {
            return RuleSetRemovals.Between(await RuleSet.LoadAsync(active, cancellationToken), candidate);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The active version no longer loads (the reading of rule files changed since it was activated): there is
            // nothing it still evaluates to lose, and refusing the edit would keep the broken version.
            return [];
        }
    }

    /// <summary>
    /// Runs <paramref name="ruleSet"/> (loaded from <paramref name="files"/>) on the stored data of <paramref name="period"/>:
    /// its schools as the period's evaluation runs them, and its stored rubric scores (those the candidate's rubric of
    /// the same id has as many items for) through the candidate's bands. Every rule that throws is a problem.
    /// </summary>
    public async Task<RuleDataRun> RunOnAsync(Period period, RuleSet ruleSet, IReadOnlyList<RuleFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(files);
        var inputs = await periods.ReadAsync(period, cancellationToken);
        var scores = await rubrics.ListAsync(period, cancellationToken).ToListAsync(cancellationToken);
        var failures = new List<RuleFailure>();
        try
        {
            var evaluation = await PeriodEvaluator.EvaluateAsync(inputs, ruleSet, cancellationToken);
            failures.AddRange(evaluation.Failures);
            foreach (var stored in scores)
            {
                if (ruleSet.Rubrics.TryGetValue(stored.RubricId, out var rubric) && stored.Scores.Items.Count == rubric.Items)
                {
                    var subject = stored.Subject.Length > 0 ? stored.Subject : stored.MunicipalityId.ToString();
                    if ((await ruleSet.BandOrFailureAsync(rubric, stored.Scores, subject, stored.SubjectName)).Failure is { } failure)
                    {
                        failures.Add(failure);
                    }
                }
            }

            return new RuleDataRun(evaluation, RuleFailures.ForAdministrator(failures, $"данных за {period}", WorkflowFiles.Of(files)));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new RuleDataRun(null, [.. RuleFailures.ForAdministrator(failures, $"данных за {period}", WorkflowFiles.Of(files)), Unexpected(exception, $"на данных за {period}")]);
        }
    }

    private static string Unexpected(Exception exception, string where) =>
        $"Правила не удалось проверить: непредвиденная ошибка {where} ({exception.GetType().Name}: {exception.Message.TrimEnd().TrimEnd('.')}). " +
        "Её вызвало содержимое файлов правил: исправьте их или верните прежнюю версию; текст ошибки сообщите разработчикам.";
}
