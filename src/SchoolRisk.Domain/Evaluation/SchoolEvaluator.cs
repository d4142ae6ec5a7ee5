using System.Globalization;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>
/// Evaluates every zone rule of a <see cref="RuleSet"/> against a school and derives its zones. The rules run as the
/// delegates the rule set compiled once (<see cref="RuleSet.CompiledZoneRules"/>): per school nothing is parsed, boxed
/// or kept but the findings, which makes national re-evaluation cheap (see <c>benchmarks/README.md</c>).
/// </summary>
public sealed class SchoolEvaluator(RuleSet ruleSet, OverallZonePolicy policy)
{
    public RuleSet RuleSet => ruleSet;

    /// <summary>
    /// Evaluates every zone rule on <paramref name="school"/>. A rule that throws is a <see cref="RuleEvaluationException"/>
    /// naming the rule, the school and the value, in Russian: what the rule files' own test cases need, where a failing
    /// rule must fail the check. Real data goes through <see cref="EvaluateMarkingFailures"/>.
    /// </summary>
    public SchoolEvaluation Evaluate(SchoolRow school)
    {
        var evaluation = EvaluateMarkingFailures(school);
        return evaluation.Failures.Count == 0
            ? evaluation
            : throw new RuleEvaluationException(RuleFailures.ForAdministrator(evaluation.Failures, "проверочном примере", new Dictionary<string, string>())[0]);
    }

    /// <summary>
    /// Evaluates every zone rule on <paramref name="school"/>; a rule that throws (an edited expression dividing by a zero
    /// value, reading <c>.Value</c> of a missing one) leaves its indicator not evaluated for this school (no finding,
    /// none of its rules counted) and is recorded in <see cref="SchoolEvaluation.Failures"/>, so one school's value never
    /// fails an upload or a recalculation.
    /// </summary>
    public SchoolEvaluation EvaluateMarkingFailures(SchoolRow school)
    {
        ArgumentNullException.ThrowIfNull(school);

        // Expressions format and parse with the current culture; pin it for the evaluation.
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var worst = new Dictionary<string, IndicatorFinding>(StringComparer.Ordinal);
        List<RuleFailure>? failures = null;
        foreach (var (rule, isSatisfiedBy) in ruleSet.CompiledZoneRules)
        {
            bool satisfied;
            try
            {
                satisfied = isSatisfiedBy(school.Indicators);
            }
            catch (Exception exception)
            {
                (failures ??= []).Add(new RuleFailure(
                    RuleFailureKind.Zone, rule.WorkflowName, rule.RuleName, school.SchoolId.ToString(), school.SchoolName,
                    Notices.Letters.RussianText.Value(rule.Indicator.Id, rule.Indicator.ValueOf(school.Indicators)), RuleFailures.DetailOf(exception))
                {
                    FileName = rule.FileName,
                    IndicatorId = rule.Indicator.Id,
                    RowNumber = school.RowNumber,
                });
                continue;
            }

            if (!satisfied)
            {
                continue;
            }

            var finding = new IndicatorFinding(rule.Indicator.Id, rule.Indicator.ValueOf(school.Indicators), rule.Zone, rule.Threshold, rule.RuleName);
            if (!worst.TryGetValue(finding.IndicatorId, out var current) || finding.Zone > current.Zone)
            {
                worst[finding.IndicatorId] = finding;
            }
        }

        if (failures is not null)
        {
            // An indicator whose high rule failed may not be called medium (or none): it is not evaluated at all.
            foreach (var failure in failures)
            {
                worst.Remove(failure.IndicatorId!);
            }
        }

        var findings = worst.Values.OrderByDescending(f => f.Zone).ThenBy(f => f.IndicatorId, StringComparer.Ordinal).ToList();
        return new SchoolEvaluation(school, findings, policy.Derive(findings.Select(finding => finding.Zone))) { Failures = failures ?? [] };
    }
}
