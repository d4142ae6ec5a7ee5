using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Tests.Evaluation;

public sealed class SchoolEvaluatorTests : IAsyncLifetime
{
    private SchoolEvaluator _evaluator = null!;

    public static async Task<TheoryData<string>> EveryRule() => [.. (await RepositoryRules.LoadAsync()).ZoneRules.Select(rule => rule.RuleName)];

    public async ValueTask InitializeAsync() => _evaluator = new SchoolEvaluator(await RepositoryRules.LoadAsync(), OverallZonePolicy.Default);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// The methodology's thresholds: where higher is worse, a value on the threshold is in the zone;
    /// where lower is worse ("&lt; 95"), a value on the threshold is not, and one just below it is.
    /// </summary>
    [Theory]
    [MemberData(nameof(EveryRule))]
    public async Task Evaluate_ValueOnTheThreshold_IsInTheZoneOnlyWhereHigherIsWorse(string ruleName)
    {
        var rule = _evaluator.RuleSet.ZoneRules.Single(r => r.RuleName == ruleName);
        var step = rule.Indicator.WorseWhen == WorseWhen.Higher ? -0.01m : 0.01m;

        var on = Evaluate(rule.Indicator, rule.Threshold);
        var better = Evaluate(rule.Indicator, rule.Threshold + step);
        var worse = Evaluate(rule.Indicator, rule.Threshold - step);

        var onIsIn = rule.Indicator.WorseWhen == WorseWhen.Higher;
        Assert.Equal(onIsIn, on.ZoneOf(rule.Indicator.Id) >= rule.Zone);
        Assert.True(better.ZoneOf(rule.Indicator.Id) < rule.Zone || !onIsIn, $"{ruleName}: a better value stays out of the zone");
        Assert.True(worse.ZoneOf(rule.Indicator.Id) >= rule.Zone, $"{ruleName}: a worse value is in the zone");
    }

    [Fact]
    public async Task Evaluate_OneHighIndicator_SchoolIsHighWithValueAndThreshold()
    {
        var evaluation = _evaluator.Evaluate(
            School(new SchoolIndicators { EgeBelowMinShare = 12.5m, MinLevelShare = 99m }));

        Assert.Equal(Zone.High, evaluation.OverallZone);
        var finding = Assert.Single(evaluation.Findings);
        Assert.Equal(new IndicatorFinding("ege_below_min_share", 12.5m, Zone.High, 10m, "ege_below_min_share.high"), finding);
    }

    [Fact]
    public async Task Evaluate_TwoMediumIndicators_SchoolIsMedium()
    {
        var evaluation = _evaluator.Evaluate(
            School(new SchoolIndicators { OgeFailShare = 5m, VprFailShare = 16m }));

        Assert.Equal(Zone.Medium, evaluation.OverallZone);
        Assert.Equal(["oge_fail_share", "vpr_fail_share"], evaluation.Findings.Select(f => f.IndicatorId));
    }

    [Fact]
    public async Task Evaluate_OneMediumIndicator_SchoolIsOutsideButTheFindingIsKept()
    {
        var evaluation = _evaluator.Evaluate(
            School(new SchoolIndicators { MinLevelShare = 94m }));

        Assert.Equal(Zone.None, evaluation.OverallZone);
        Assert.Equal(Zone.Medium, evaluation.ZoneOf("min_level_share"));
    }

    [Fact]
    public async Task Evaluate_NoValues_NoFindings()
    {
        var evaluation = _evaluator.Evaluate(School(SchoolIndicators.Empty));

        Assert.Equal(Zone.None, evaluation.OverallZone);
        Assert.Empty(evaluation.Findings);
    }

    private SchoolEvaluation Evaluate(Indicator indicator, decimal value) =>
        _evaluator.Evaluate(School(SchoolIndicators.Create([new KeyValuePair<Indicator, decimal?>(indicator, value)])));

    private static SchoolRow School(SchoolIndicators indicators) => new(2, SchoolId.Parse("gatchinsky-001"), "МОУ «Гатчинская СОШ № 1»", indicators);
}
