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

    public SchoolEvaluation Evaluate(SchoolRow school)
    {
        ArgumentNullException.ThrowIfNull(school);

        // Expressions format and parse with the current culture; pin it for the evaluation.
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var worst = new Dictionary<string, IndicatorFinding>(StringComparer.Ordinal);
        foreach (var (rule, isSatisfiedBy) in ruleSet.CompiledZoneRules)
        {
            bool satisfied;
            try
            {
                satisfied = isSatisfiedBy(school.Indicators);
            }
            catch (Exception exception) when (exception is ArithmeticException or InvalidOperationException)
            {
                throw new RuleEvaluationException(
                    $"Workflow '{rule.WorkflowName}', rule '{rule.RuleName}', school '{school.SchoolId}': {exception.Message}");
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

        var findings = worst.Values.OrderByDescending(f => f.Zone).ThenBy(f => f.IndicatorId, StringComparer.Ordinal).ToList();
        return new SchoolEvaluation(school, findings, policy.Derive(findings.Select(finding => finding.Zone)));
    }
}
