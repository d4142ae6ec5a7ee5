using SchoolRisk.Domain.Indicators;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>
/// What an edit of the rules would silently stop evaluating: the blocks of the active rule set that a candidate no
/// longer has. A removed rule file shows as what it held (its workflow and that workflow's indicators, its rubric, the
/// classification, the integrated assessment); a file renamed or a workflow's indicators moved to another file lose
/// nothing and are not removals, but a workflow renamed is (its name is how results and logs know it). Pure: an
/// activation refuses an edit with removals unless the administrator allows them, and a preview lists them.
/// </summary>
public static class RuleSetRemovals
{
    /// <summary>Every block of <paramref name="active"/> that <paramref name="candidate"/> would not evaluate: workflows, indicators, rubrics, the classification, the integrated assessment, in that order.</summary>
    public static IReadOnlyList<RuleSetRemoval> Between(RuleSet active, RuleSet candidate)
    {
        ArgumentNullException.ThrowIfNull(active);
        ArgumentNullException.ThrowIfNull(candidate);
        var removals = new List<RuleSetRemoval>();
        var candidateIndicators = candidate.ZoneRules.Select(rule => rule.Indicator.Id).ToHashSet(StringComparer.Ordinal);

        foreach (var workflow in active.WorkflowNames.Except(candidate.WorkflowNames, StringComparer.Ordinal))
        {
            var rules = active.ZoneRules.Where(rule => rule.WorkflowName == workflow).ToList();
            var file = rules.Select(rule => rule.FileName).FirstOrDefault();
            var lost = rules.Select(rule => rule.Indicator.Id).Distinct(StringComparer.Ordinal).Where(id => !candidateIndicators.Contains(id)).ToList();
            removals.Add(new RuleSetRemoval(
                RuleSetRemovalKind.Workflow, workflow, file,
                $"{file ?? workflow}, блок «{workflow}»: блока больше нет в правилах" + (lost.Count > 0
                    ? $"; не будут оцениваться показатели {string.Join(", ", lost.Select(Indicator))}."
                    : "; его показатели оцениваются правилами других блоков.")));
        }

        foreach (var indicator in active.ZoneRules.GroupBy(rule => rule.Indicator.Id, StringComparer.Ordinal).Where(group => !candidateIndicators.Contains(group.Key)))
        {
            var first = indicator.First();
            removals.Add(new RuleSetRemoval(
                RuleSetRemovalKind.Indicator, indicator.Key, first.FileName,
                $"{first.FileName}, показатель {Indicator(indicator.Key)}: ни одно правило его больше не оценивает (сейчас: {string.Join(", ", indicator.Select(rule => $"«{rule.RuleName}»"))}); школы не попадут по нему ни в одну зону риска."));
        }

        foreach (var rubric in active.Rubrics.Values.Where(rubric => !candidate.Rubrics.ContainsKey(rubric.Id)).OrderBy(rubric => rubric.Id, StringComparer.Ordinal))
        {
            removals.Add(new RuleSetRemoval(
                RuleSetRemovalKind.Rubric, rubric.Id, rubric.FileName,
                $"{rubric.FileName}, рубрикатор «{rubric.Title}»: его больше нет в правилах; строки загрузок по нему будут пропускаться как неизвестный рубрикатор, уровень по нему никто не получит."));
        }

        if (active.ClassificationWorkflowName is { } classification && candidate.ClassificationWorkflowName is null)
        {
            removals.Add(new RuleSetRemoval(
                RuleSetRemovalKind.Classification, classification, null,
                $"блок «{classification}»: классификации школ больше нет в правилах; ни одна школа не будет отнесена к ШНОР, ШНСУ, не получит типологию и оценку руководителя."));
        }

        if (active.Assessment is not null && candidate.Assessment is null)
        {
            removals.Add(new RuleSetRemoval(
                RuleSetRemovalKind.Assessment, "IntegratedAssessment", null,
                "интегральная оценка: её настроек больше нет в правилах; школы не будут получать интегральный балл, места в рейтинге, ТОП и лидеров."));
        }

        return removals;
    }

    private static string Indicator(string id) => IndicatorCatalog.Find(id) is { } indicator ? $"{id} («{indicator.Title}»)" : id;
}
