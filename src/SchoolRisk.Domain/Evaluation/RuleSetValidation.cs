using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>
/// What an administrator's rule files must pass before they may be activated: they load (JSON shape, every expression
/// compiles and meets the allow-list, fields exist, numbers in range), every test case of every file passes, and every
/// threshold and rubric band edge has a case exactly on it. <see cref="RuleSet"/> is set only when there is no problem.
/// Validation never throws for what a file says: every refusal, and any failure while its test cases run, is a problem
/// (a line in Russian naming the file and the rule or test case); only cancellation propagates.
/// </summary>
public sealed record RuleSetValidation(RuleSet? RuleSet, IReadOnlyList<string> Problems)
{
    public bool IsValid => RuleSet is not null && Problems.Count == 0;

    public static async Task<RuleSetValidation> ValidateAsync(IReadOnlyList<RuleFile> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        RuleSet ruleSet;
        try
        {
            ruleSet = await RuleSet.LoadAsync(files, cancellationToken);
        }
        catch (RuleSetException exception)
        {
            return new RuleSetValidation(null, exception.Problems);
        }
        catch (Exception exception) when (IsAboutTheFiles(exception))
        {
            return new RuleSetValidation(null, [$"Правила не удалось проверить: {exception.Message}"]);
        }

        var problems = new List<string>();
        var evaluator = new SchoolEvaluator(ruleSet, OverallZonePolicy.Default);
        foreach (var file in files)
        {
            try
            {
                var zoneCases = RuleTestCases.Read(file);
                var rubricCases = RubricTestCases.Read(file);
                problems.AddRange(await RuleTestCases.RunAsync(evaluator, zoneCases, cancellationToken));
                problems.AddRange(await ClassificationTestCases.RunAsync(ruleSet, ClassificationTestCases.Read(file)));
                problems.AddRange(await RubricTestCases.RunAsync(ruleSet, rubricCases));
                if (ruleSet.Assessment is { } settings)
                {
                    problems.AddRange(AssessmentTestCases.Run(settings, AssessmentTestCases.Read(file)));
                }

                if (ruleSet.RecommendationWorkflowName is { } recommendations && WorkflowFiles.Of([file]).ContainsKey(recommendations))
                {
                    problems.AddRange(await RecommendationTestCases.RunAsync(ruleSet, file.Name, RecommendationTestCases.Read(file)));
                }

                if (file.Name == ruleSet.RiskGroupFileName)
                {
                    problems.AddRange(RiskGroupTestCases.Run(file.Name, ruleSet.RiskGroup, RiskGroupTestCases.Read(file)));
                }

                problems.AddRange(ruleSet.ZoneRules
                    .Where(rule => rule.FileName == file.Name)
                    .Where(rule => !zoneCases.Any(c => c.Expect.ContainsKey(rule.Indicator) && rule.Indicator.ValueOf(c.Input) == rule.Threshold))
                    .Select(rule => $"{file.Name}, правило «{rule.RuleName}»: нет тестового примера, где {rule.Indicator.Id} ровно на пороге {rule.Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}; добавьте его."));
                var totals = rubricCases.Select(c => c.Total ?? (c.Scores?.All(score => score is not null) == true ? c.Scores.Sum() : null)).OfType<int>().ToHashSet();
                problems.AddRange(ruleSet.Rubrics.Values
                    .Where(rubric => rubric.FileName == file.Name)
                    .SelectMany(rubric => rubric.Bands)
                    .Where(band => !totals.Contains(band.From) || !totals.Contains(band.To))
                    .Select(band => $"{file.Name}, правило «{band.RuleName}»: нет тестовых примеров с суммой ровно {band.From} и ровно {band.To}; добавьте их."));
            }
            catch (RuleSetException exception)
            {
                problems.AddRange(exception.Problems);
            }
            catch (RuleEvaluationException exception)
            {
                problems.Add($"{file.Name}: тестовый пример не вычисляется: {exception.Message}");
            }
            catch (Exception exception) when (IsAboutTheFiles(exception))
            {
                problems.Add($"{file.Name}: тестовые примеры не удалось проверить: {exception.Message}");
            }
        }

        return problems.Count == 0 ? new RuleSetValidation(ruleSet, []) : new RuleSetValidation(null, problems);
    }

    /// <summary>
    /// Validation reads no storage and no network: an exception other than cancellation or exhaustion came from what the
    /// files say (a case the readers do not foresee), so it is the administrator's problem to see, not a fault to retry.
    /// </summary>
    private static bool IsAboutTheFiles(Exception exception) =>
        exception is not (OperationCanceledException or OutOfMemoryException or InsufficientExecutionStackException);
}
