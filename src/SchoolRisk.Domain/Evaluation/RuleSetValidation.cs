using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>
/// What an administrator's rule files must pass before they may be activated: they load (JSON shape, every expression
/// compiles and meets the allow-list, fields exist, numbers in range), every test case of every file passes, and every
/// threshold and rubric band edge has a case exactly on it. <see cref="RuleSet"/> is set only when there is no problem.
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
            return new RuleSetValidation(null, [exception.Message]);
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

                problems.AddRange(ruleSet.ZoneRules
                    .Where(rule => rule.FileName == file.Name)
                    .Where(rule => !zoneCases.Any(c => c.Expect.ContainsKey(rule.Indicator) && rule.Indicator.ValueOf(c.Input) == rule.Threshold))
                    .Select(rule => $"{file.Name}, rule '{rule.RuleName}': no test case has {rule.Indicator.Id} exactly on the threshold {rule.Threshold}; add one."));
                var totals = rubricCases.Select(c => c.Total ?? (c.Scores?.All(score => score is not null) == true ? c.Scores.Sum() : null)).OfType<int>().ToHashSet();
                problems.AddRange(ruleSet.Rubrics.Values
                    .Where(rubric => rubric.FileName == file.Name)
                    .SelectMany(rubric => rubric.Bands)
                    .Where(band => !totals.Contains(band.From) || !totals.Contains(band.To))
                    .Select(band => $"{file.Name}, rule '{band.RuleName}': no test case has a total exactly on {band.From} and on {band.To}; add them."));
            }
            catch (RuleSetException exception)
            {
                problems.Add(exception.Message);
            }
        }

        return problems.Count == 0 ? new RuleSetValidation(ruleSet, []) : new RuleSetValidation(null, problems);
    }
}
