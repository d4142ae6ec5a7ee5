using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.RiskGroups;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Classification;

/// <summary>
/// Classifies evaluated schools against the region: runs the rule set's classification workflow with the school
/// (<see cref="ClassificationInput"/>) and the region (<see cref="RegionalDistribution"/>), then derives the school's
/// standing toward the low-result group from the one before (<see cref="RiskGroupStanding.Next"/>, with the rule set's
/// entry and exit criteria: <see cref="SchoolClassification.LowResults"/> is membership of the group), stably low results
/// (low results this period and the previous one, docs/methodology.md, section 4.2, whether or not the school is in the
/// group yet), the typology and the overall zone. A classification rule that throws
/// for a school leaves that classification not decided for it (taken as not satisfied), recorded in
/// <see cref="SchoolEvaluation.Failures"/> with the school's indices; the other classifications stand.
/// </summary>
public sealed class SchoolClassifier(RuleSet ruleSet, OverallZonePolicy policy)
{
    private readonly HashSet<string> _ruledIndicators = [.. ruleSet.ZoneRules.Select(rule => rule.Indicator.Id)];

    /// <param name="evaluation">The school's indicator zones.</param>
    /// <param name="registered">The school in the registry, for remoteness and enrolment.</param>
    /// <param name="region">The region's distribution for the period.</param>
    /// <param name="period">The period evaluated: the standing names it when the school enters or leaves the group.</param>
    /// <param name="before">The school's standing toward the low-result group in the previous period; <c>null</c> when it has no result then.</param>
    public async Task<SchoolEvaluation> ClassifyAsync(
        SchoolEvaluation evaluation, RegisteredSchool? registered, RegionalDistribution region, Period period, RiskGroupStanding? before)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(region);
        var indicators = evaluation.School.Indicators;
        var notEvaluated = evaluation.NotEvaluated;
        var withValue = Domain.Indicators.IndicatorCatalog.All
            .Where(indicator => _ruledIndicators.Contains(indicator.Id) && indicator.ValueOf(indicators) is not null && !notEvaluated.Contains(indicator.Id))
            .ToList();
        var input = new ClassificationInput
        {
            ResultsIndex = region.ResultsIndexOf(indicators),
            SocialWellbeingIndex = indicators.SocialWellbeingIndex,
            OvzShare = indicators.OvzShare,
            MigrantShare = indicators.MigrantShare,
            Remote = registered?.Remote ?? false,
            Enrolment = registered?.Enrolment ?? int.MaxValue,
            VprLoweredZone = (int)evaluation.ZoneOf(Domain.Indicators.IndicatorCatalog.VprLoweredShare.Id),
            MedalistsZone = (int)evaluation.ZoneOf(Domain.Indicators.IndicatorCatalog.MedalistsBelow70Share.Id),
            IndicatorsWithValue = withValue.Count,
            IndicatorsMeetingThresholds = withValue.Count(indicator => evaluation.ZoneOf(indicator.Id) == Zone.None),
        };
        var (decided, failed) = await ruleSet.ClassifyEachAsync(input, region);
        var lowNow = decided.Contains(ClassificationKind.LowResults);
        var standing = RiskGroupStanding.Next(before, lowNow, period, ruleSet.RiskGroup);
        var low = standing.InGroup;
        var unfavourable = decided.Contains(ClassificationKind.UnfavourableConditions);
        var high = decided.Contains(ClassificationKind.HighResults);
        var classification = new SchoolClassification(
            input.ResultsIndex,
            low,
            lowNow && before?.LowResults == true,
            unfavourable,
            (unfavourable, low, high) switch
            {
                (true, _, true) => Typology.Resilient,
                (true, _, false) => Typology.Disadvantaged,
                (false, true, _) => Typology.Unsuccessful,
                _ => Typology.Successful,
            },
            decided.Contains(ClassificationKind.NonObjective),
            decided.Contains(ClassificationKind.LeaderEffective))
        {
            RiskGroup = standing,
        };
        return evaluation with
        {
            Classification = classification,
            OverallZone = policy.Derive(evaluation.Findings.Select(finding => finding.Zone), classification),
            Failures = failed.Count == 0 ? evaluation.Failures : [.. evaluation.Failures, .. failed.Select(failure => FailureOf(evaluation.School, input, failure))],
        };
    }

    private RuleFailure FailureOf(SchoolRow school, ClassificationInput input, (string RuleName, ClassificationKind Kind, string Message) failed)
    {
        var russian = System.Globalization.CultureInfo.GetCultureInfo("ru-RU");
        string Number(decimal? value) => value?.ToString("0.####", russian) ?? "нет данных";
        return new RuleFailure(
            RuleFailureKind.Classification, ruleSet.ClassificationWorkflowName!, failed.RuleName, school.SchoolId.ToString(), school.SchoolName,
            $"индекс результатов {Number(input.ResultsIndex)}, индекс социального благополучия {Number(input.SocialWellbeingIndex)}",
            RuleFailures.DetailOf(failed.Message))
        {
            Classification = failed.Kind,
            RowNumber = school.RowNumber,
        };
    }
}
