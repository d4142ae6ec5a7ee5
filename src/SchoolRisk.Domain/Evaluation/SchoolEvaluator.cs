using System.Globalization;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>Evaluates every workflow of a <see cref="RuleSet"/> against a school and derives its zones.</summary>
public sealed class SchoolEvaluator(RuleSet ruleSet, OverallZonePolicy policy)
{
    public RuleSet RuleSet => ruleSet;

    public async Task<SchoolEvaluation> EvaluateAsync(SchoolRow school, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(school);

        // Expressions format and parse with the current culture; pin it for this evaluation only.
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var worst = new Dictionary<string, IndicatorFinding>(StringComparer.Ordinal);
        foreach (var workflowName in ruleSet.WorkflowNames)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var result in await ruleSet.ExecuteAsync(workflowName, school.Indicators))
            {
                if (!string.IsNullOrEmpty(result.ExceptionMessage))
                {
                    throw new RuleEvaluationException(
                        $"Workflow '{workflowName}', rule '{result.Rule.RuleName}', school '{school.SchoolId}': {result.ExceptionMessage}");
                }

                if (!result.IsSuccess)
                {
                    continue;
                }

                var rule = ruleSet.ZoneRuleOf(workflowName, result.Rule.RuleName);
                var finding = new IndicatorFinding(
                    rule.Indicator.Id, rule.Indicator.ValueOf(school.Indicators), rule.Zone, rule.Threshold, rule.RuleName);
                if (!worst.TryGetValue(finding.IndicatorId, out var current) || finding.Zone > current.Zone)
                {
                    worst[finding.IndicatorId] = finding;
                }
            }
        }

        var findings = worst.Values.OrderByDescending(f => f.Zone).ThenBy(f => f.IndicatorId, StringComparer.Ordinal).ToList();
        return new SchoolEvaluation(school, findings, policy.Derive(findings.Select(finding => finding.Zone)));
    }
}
