using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;
using static SchoolRisk.Domain.Tests.Evaluation.ExpressionRuleFiles;

namespace SchoolRisk.Domain.Tests.Evaluation;

/// <summary>
/// An accepted expression evaluates without an exception for every value its inputs can have: what could divide by
/// zero, overflow, read a missing value or pass Math.Round bad digits is refused with what to write instead, and
/// the guarded forms the messages suggest load and run on schools at every edge. Zone rules run with threshold 10.
/// </summary>
public sealed class ExpressionTotalityTests
{
    [Theory]
    [InlineData("input1.EgeBelowMinShare.Value >= threshold",
        "input1.EgeBelowMinShare.Value: значения может не быть (null), и .Value бросит исключение; проверьте его: input1.EgeBelowMinShare.HasValue && …")]
    [InlineData("decimal(input1.EgeBelowMinShare) >= threshold", "приведение input1.EgeBelowMinShare к decimal: значения может не быть (null)")]
    [InlineData("input1.EgeBelowMinShare / input1.OgeFailShare >= threshold",
        "деление на input1.OgeFailShare: делитель может быть равен нулю или сколь угодно близок к нулю")]
    [InlineData("input1.OgeFailShare > 0 && input1.EgeBelowMinShare / input1.OgeFailShare >= threshold",
        "частное (input1.EgeBelowMinShare / input1.OgeFailShare) может выйти за пределы decimal (около ±7.9·10^28): делитель input1.OgeFailShare может быть сколь угодно близок к нулю; отделите его от нуля, например input1.OgeFailShare >= 0.01m ? … / input1.OgeFailShare : …")]
    [InlineData("input1.OgeFailShare != 0 ? input1.EgeBelowMinShare / input1.OgeFailShare >= threshold : false", "может быть сколь угодно близок к нулю")]
    [InlineData("(input1.EgeBelowMinShare ?? 0) / (threshold - 10) >= 1", "деление на (threshold - 10): делитель равен нулю")]
    [InlineData("100 / (100 - (input1.OgeFailShare ?? 0)) >= threshold", "деление на (100 - (input1.OgeFailShare ?? 0)): делитель может быть равен нулю")]
    [InlineData("100 / (1 - (input1.SocialWellbeingIndex ?? 0)) >= threshold", "деление на (1 - (input1.SocialWellbeingIndex ?? 0))")]
    [InlineData("input1.EgeBelowMinShare % input1.OgeFailShare >= threshold",
        "остаток от деления на input1.OgeFailShare: делитель может быть равен нулю; напишите input1.OgeFailShare != 0 ? … % input1.OgeFailShare : …")]
    [InlineData("input1.SupervisionOrders * 2 >= threshold",
        "произведение (input1.SupervisionOrders * 2) может выйти за пределы decimal (около ±7.9·10^28): input1.SupervisionOrders может быть от 0 до 79228162514264337593543950335")]
    [InlineData("input1.SupervisionOrders + input1.OlympiadRegionalWinners >= threshold", "сумма (input1.SupervisionOrders + input1.OlympiadRegionalWinners) может выйти за пределы decimal")]
    [InlineData("(input1.OffencesPer1000 ?? 0) * 1000000000000000 * 1000000000000000 >= threshold", "произведение")]
    [InlineData("2147483647 + 1 >= 0", "сумма (2147483647 + 1) может выйти за пределы int (от -2147483648 до 2147483647)")]
    [InlineData("int(input1.SupervisionOrders ?? 0) >= 10", "приведение (input1.SupervisionOrders ?? 0) к int: значение может быть от 0 до 79228162514264337593543950335")]
    [InlineData("decimal(1e30) >= threshold", "приведение 1E+30 к decimal: число double")]
    [InlineData("Math.Round(input1.EgeBelowMinShare ?? 0, 29) >= threshold",
        "Math.Round((input1.EgeBelowMinShare ?? 0), 29): число знаков после запятой должно быть записано в выражении числом от 0 до 28, а здесь 29")]
    [InlineData("Math.Round(threshold, int(threshold)) >= threshold", "а здесь int(threshold)")]
    [InlineData("Math.Round(1.5, 16) >= 1.0", "числом от 0 до 15, а здесь 16")]
    public async Task Load_ExpressionThatMayThrow_IsRefusedSayingWhatAndHowToWriteIt(string expression, string expected)
    {
        var problem = await ProblemAsync(ZoneFile(expression));

        Assert.NotNull(problem);
        Assert.StartsWith($"{ZoneRefusal}«{expression}» ", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("input1.EgeBelowMinShare >= threshold")]
    [InlineData("input1.EgeBelowMinShare.HasValue && input1.EgeBelowMinShare.Value >= threshold")]
    [InlineData("input1.EgeBelowMinShare != null && input1.EgeBelowMinShare.Value >= threshold")]
    [InlineData("input1.EgeBelowMinShare == null ? false : input1.EgeBelowMinShare.Value >= threshold")]
    [InlineData("!input1.EgeBelowMinShare.HasValue || input1.EgeBelowMinShare.Value >= threshold")]
    [InlineData("input1.EgeBelowMinShare > 0 && input1.EgeBelowMinShare.Value >= threshold")]
    [InlineData("input1.EgeBelowMinShare.HasValue && decimal(input1.EgeBelowMinShare) >= threshold")]
    [InlineData("input1.EgeBelowMinShare.GetValueOrDefault() * 1000 >= threshold")]
    [InlineData("input1.OgeFailShare >= 1 && input1.EgeBelowMinShare / input1.OgeFailShare >= threshold")]
    [InlineData("input1.OgeFailShare >= 0.01m ? input1.EgeBelowMinShare / input1.OgeFailShare >= threshold : false")]
    [InlineData("input1.OgeFailShare < 1 ? false : input1.EgeBelowMinShare / input1.OgeFailShare >= threshold")]
    [InlineData("input1.OgeFailShare < 1 || input1.EgeBelowMinShare / input1.OgeFailShare >= threshold")]
    [InlineData("(input1.EgeBelowMinShare - threshold) / threshold >= 0.1m")]
    [InlineData("(input1.EgeBelowMinShare ?? 0) / (101 - (input1.OgeFailShare ?? 0)) >= 1")]
    [InlineData("100 / (2 - (input1.SocialWellbeingIndex ?? 0)) >= threshold")]
    [InlineData("input1.HasTheatre != 0 ? 10 / input1.HasTheatre >= threshold : false")]
    [InlineData("input1.InspectionZone == 0 || 20 / input1.InspectionZone >= threshold")]
    [InlineData("input1.OgeFailShare != 0 ? input1.EgeBelowMinShare % input1.OgeFailShare >= 1 : false")]
    [InlineData("input1.SupervisionOrders < 1000000 && input1.SupervisionOrders * 2 >= threshold")]
    [InlineData("input1.SupervisionOrders - threshold >= 0")]
    [InlineData("Math.Round(input1.EgeBelowMinShare ?? 0, 28) >= threshold")]
    [InlineData("Math.Round(input1.EgeBelowMinShare ?? 0, 1, MidpointRounding.AwayFromZero) >= threshold")]
    [InlineData("Math.Abs((input1.EgeBelowMinShare ?? 0) - threshold) <= 1 && Math.Max(input1.OgeFailShare ?? 0, 1) >= Math.Min(threshold, 2)")]
    [InlineData("decimal(0.5) * (input1.EgeBelowMinShare ?? 0) >= threshold")]
    [InlineData("iif(input1.EgeBelowMinShare >= 1, 100 / input1.EgeBelowMinShare, 0) >= threshold")]
    [InlineData("(input1.EgeBelowMinShare ?? 0) + (input1.OgeFailShare ?? 0) >= threshold * 2 || !(input1.MinLevelShare > 50)")]
    public async Task Load_SafeOrGuardedExpression_LoadsAndEvaluatesOnEveryEdgeSchool(string expression)
    {
        var ruleSet = await RuleSet.LoadAsync([ZoneFile(expression)], TestContext.Current.CancellationToken);
        var evaluator = new SchoolEvaluator(ruleSet, OverallZonePolicy.Default);

        foreach (var school in EdgeSchools())
        {
            evaluator.Evaluate(school);
        }
    }

    [Theory]
    [InlineData("input1.Enrolment / input1.IndicatorsWithValue > 1",
        "деление на input1.IndicatorsWithValue: делитель может быть равен нулю; напишите input1.IndicatorsWithValue != 0 ? … / input1.IndicatorsWithValue : … или input1.IndicatorsWithValue > 0 && …")]
    [InlineData("input2.ResultsIndexAt(percentile).Value > 0", "input2.ResultsIndexAt(percentile).Value: значения может не быть (null)")]
    [InlineData("input2.ResultsIndexAt(150) > 0", "input2.ResultsIndexAt(150): процентиль должен быть от 0 до 100, а здесь 150")]
    [InlineData("input2.SocialWellbeingIndexAt(percentile - 20) > 0", "процентиль должен быть от 0 до 100, а (percentile - 20) равно -10")]
    [InlineData("input1.Enrolment * 1000 > 1", "произведение (input1.Enrolment * 1000) может выйти за пределы int")]
    [InlineData("1 / (input1.IndicatorsWithValue - input1.IndicatorsMeetingThresholds) > 0",
        "деление на (input1.IndicatorsWithValue - input1.IndicatorsMeetingThresholds): делитель может быть равен нулю")]
    public async Task Load_ClassificationThatMayThrow_IsRefused(string expression, string expected)
    {
        var problem = await ProblemAsync(ClassificationFile(expression));

        Assert.NotNull(problem);
        Assert.StartsWith($"classifications.json, правило «low_results»: «{expression}» ", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("input1.IndicatorsWithValue > 0 && input1.Enrolment / input1.IndicatorsWithValue > 1")]
    [InlineData("input1.IndicatorsWithValue != 0 ? input1.IndicatorsMeetingThresholds * 100 / input1.IndicatorsWithValue >= share : false")]
    [InlineData("input1.IndicatorsWithValue == 0 || share * input1.IndicatorsMeetingThresholds / input1.IndicatorsWithValue > 1")]
    [InlineData("input2.ResultsIndexAt(percentile) != null && input1.ResultsIndex.HasValue && input1.ResultsIndex.Value <= input2.ResultsIndexAt(percentile).Value")]
    [InlineData("input1.Enrolment * 1000m > 1 && -input1.Enrolment < 0 && Math.Abs(input1.Enrolment - 5) > 1")]
    [InlineData("(input1.ResultsIndex ?? 0) * 1000000 < input2.ResultsIndexAt(percentile)")]
    [InlineData("input1.IndicatorsWithValue - input1.IndicatorsMeetingThresholds != 0 ? 1 / (input1.IndicatorsWithValue - input1.IndicatorsMeetingThresholds) > 0 : false")]
    public async Task Load_SafeClassification_LoadsAndRunsOnAnEmptyRegion(string expression)
    {
        var ruleSet = await RuleSet.LoadAsync([ClassificationFile(expression)], TestContext.Current.CancellationToken);
        var classifier = new SchoolClassifier(ruleSet, OverallZonePolicy.Default);
        var evaluation = new SchoolEvaluator(ruleSet, OverallZonePolicy.Default).Evaluate(School(_ => null));

        foreach (var region in new[] { RegionalDistribution.Empty, RegionalDistribution.FromIndices([-3, 0, 3], [0, 0.5m, 1]) })
        {
            await classifier.ClassifyAsync(evaluation, new RegisteredSchool(SchoolId.Parse("gatchinsky-001"), "Школа", MunicipalityId.Parse("gatchinsky"), "ООО", "город", false, int.MaxValue), region, Period.Parse("2023-2024"), null);
        }
    }

    [Fact]
    public async Task Load_RubricIntegerOverflow_IsRefusedAndItsGuardedDivisionLoads()
    {
        var problem = await ProblemAsync(RubricFile("input1.Total * input1.Total * input1.Total * input1.Total >= from"));

        Assert.Contains("может выйти за пределы int", problem, StringComparison.Ordinal);
        Assert.Null(await ProblemAsync(RubricFile("input1.Total == 0 || 400 / input1.Total >= from")));
    }
}
