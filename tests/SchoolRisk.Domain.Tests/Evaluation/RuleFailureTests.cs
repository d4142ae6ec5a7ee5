using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Rubrics;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Tests.Evaluation;

/// <summary>
/// An edited expression that loads (and passes its test cases) but throws on one school's real values: the indicator,
/// classification or rubric row it decides is left not evaluated for that school, with a Russian problem naming the rule,
/// the school and the value; nothing else of the school or of the other schools is lost.
/// </summary>
public sealed class RuleFailureTests
{
    /// <summary>Divides by the ОГЭ share: fine on an empty school (short-circuited) and on most schools, a division by zero where it is 0.</summary>
    private const string DividingExpression =
        "input1.OgeFailShare.HasValue && input1.EgeBelowMinShare.HasValue && input1.EgeBelowMinShare.Value / input1.OgeFailShare.Value >= threshold";

    [Fact]
    public async Task EvaluateMarkingFailures_ExpressionDividingByAZeroValue_LeavesOnlyThatIndicatorNotEvaluated_NamingRuleSchoolAndValue()
    {
        var evaluator = new SchoolEvaluator(await WithExamsExpressionAsync("ege_below_min_share.high", DividingExpression), OverallZonePolicy.Default);
        var school = new SchoolRow(7, SchoolId.Parse("gatchinsky-001"), "Школа № 1", new SchoolIndicators { EgeBelowMinShare = 12.5m, OgeFailShare = 0, MedalistsBelow70Share = 60 });

        var evaluation = evaluator.EvaluateMarkingFailures(school);

        var failure = Assert.Single(evaluation.Failures);
        Assert.Equal(["ege_below_min_share"], evaluation.NotEvaluated);
        Assert.Equal(Zone.None, evaluation.ZoneOf("ege_below_min_share"));
        Assert.Equal(Zone.High, evaluation.ZoneOf("medalists_below70_share"));
        Assert.Equal(Zone.High, evaluation.OverallZone);
        Assert.Equal((RuleFailureKind.Zone, "exams.json", "ege_below_min_share.high", "gatchinsky-001", 7), (failure.Kind, failure.FileName, failure.RuleName, failure.SubjectId, failure.RowNumber));
        Assert.Equal(("12,5 %", "деление на ноль"), (failure.Inputs, failure.Detail));
        Assert.Equal(
            "Файл «schools.csv», строка 7: показатель «Доля результатов ЕГЭ ниже минимального балла» школы «gatchinsky-001 Школа № 1» не оценён: " +
            "правило «ege_below_min_share.high» не вычисляется при значении 12,5 % (деление на ноль). Это не ошибка в файле: правило оценки исправит комитет. " +
            "Остальные показатели школы оценены.",
            RuleFailures.ForUpload(failure, "schools.csv"));
    }

    [Fact]
    public async Task EvaluateMarkingFailures_MediumRuleHoldsButHighRuleThrows_TheIndicatorIsNotCalledMedium()
    {
        var evaluator = new SchoolEvaluator(await WithExamsExpressionAsync("ege_below_min_share.high", DividingExpression), OverallZonePolicy.Default);

        var evaluation = evaluator.EvaluateMarkingFailures(new SchoolRow(2, SchoolId.Parse("s"), "", new SchoolIndicators { EgeBelowMinShare = 7, OgeFailShare = 0 }));

        Assert.Empty(evaluation.Findings);
        Assert.Equal(["ege_below_min_share"], evaluation.NotEvaluated);
    }

    [Fact]
    public async Task Evaluate_StrictForTestCases_ThrowsNamingFileRuleAndValueInRussian()
    {
        var evaluator = new SchoolEvaluator(await WithExamsExpressionAsync("ege_below_min_share.high", DividingExpression), OverallZonePolicy.Default);

        var error = Assert.Throws<RuleEvaluationException>(() => evaluator.Evaluate(new SchoolRow(0, SchoolId.Parse("test"), "Ноль по ОГЭ", new SchoolIndicators { EgeBelowMinShare = 3, OgeFailShare = 0 })));

        Assert.Equal(
            "exams.json, правило «ege_below_min_share.high»: выражение не вычисляется на проверочном примере — у 1 школы: «test Ноль по ОГЭ» (ege_below_min_share = 3 %): деление на ноль.",
            error.Message);
    }

    [Fact]
    public async Task ForAdministrator_OneRuleFailingOnManySchools_IsOneProblemNamingTheFirstSchoolsAndCountingTheRest()
    {
        var evaluator = new SchoolEvaluator(await WithExamsExpressionAsync("ege_below_min_share.high", DividingExpression), OverallZonePolicy.Default);
        var failures = Enumerable.Range(1, 8)
            .SelectMany(n => evaluator.EvaluateMarkingFailures(new SchoolRow(0, SchoolId.Parse($"s-{n}"), "", new SchoolIndicators { EgeBelowMinShare = n, OgeFailShare = 0 })).Failures);

        var problem = Assert.Single(RuleFailures.ForAdministrator(failures, "данных за 2023-2024", new Dictionary<string, string>()));

        Assert.StartsWith("exams.json, правило «ege_below_min_share.high»: выражение не вычисляется на данных за 2023-2024 — у 8 школ: «s-1» (ege_below_min_share = 1 %): деление на ноль; «s-2» ", problem, StringComparison.Ordinal);
        Assert.EndsWith("«s-5» (ege_below_min_share = 5 %): деление на ноль; и ещё 3.", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClassifyAsync_ClassificationRuleThrowing_LeavesThatClassificationUndecided_TheOthersStand()
    {
        var files = await RepositoryFilesAsync();
        var ruleSet = await RuleSet.LoadAsync(Replace(files, "classifications.json",
            "input1.IndicatorsWithValue > 0 && input1.IndicatorsMeetingThresholds * 100 > input1.IndicatorsWithValue * share",
            "input1.IndicatorsWithValue > 0 && input1.IndicatorsMeetingThresholds * 100 / (input1.IndicatorsWithValue - input1.IndicatorsMeetingThresholds) > share"), proveTotality: false, TestContext.Current.CancellationToken);
        var schools = Enumerable.Range(1, 20).Select(n => new SchoolIndicators { EgeBelowMinShare = n * 0.4m, OgeFailShare = n * 0.4m, SocialWellbeingIndex = 0.5m }).ToList();
        var region = RegionalDistribution.Of(schools);
        var evaluator = new SchoolEvaluator(ruleSet, OverallZonePolicy.Default);
        var classifier = new SchoolClassifier(ruleSet, OverallZonePolicy.Default);

        // The best school of the region meets every threshold it reports: the edited rule divides by zero for it.
        var best = await classifier.ClassifyAsync(evaluator.EvaluateMarkingFailures(new SchoolRow(3, SchoolId.Parse("b"), "Лучшая", schools[0])), null, region, Period.Parse("2023-2024"), null);
        var worst = await classifier.ClassifyAsync(evaluator.EvaluateMarkingFailures(new SchoolRow(4, SchoolId.Parse("w"), "Худшая", schools[19])), null, region, Period.Parse("2023-2024"), null);

        var failure = Assert.Single(best.Failures);
        Assert.Equal((RuleFailureKind.Classification, ClassificationKind.LeaderEffective, "leader_effective", 3), (failure.Kind, failure.Classification, failure.RuleName, failure.RowNumber));
        Assert.False(best.Classification.LeaderEffective);
        Assert.Equal((false, true), (best.Classification.LowResults, best.Classification.UnfavourableConditions));
        Assert.Empty(worst.Failures);
        Assert.True(worst.Classification.LowResults);
        Assert.Contains("не определено, относится ли она к категории «эффективный руководитель»: правило «leader_effective» не вычисляется (индекс результатов", RuleFailures.ForUpload(failure, "x.csv"), StringComparison.Ordinal);
        Assert.Contains("деление на ноль", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BandOrFailure_BandRuleThrowingOnATotal_IsAFailureNamingRubricRuleAndTotal_OtherTotalsBanded()
    {
        var files = await RepositoryFilesAsync();
        var ruleSet = await RuleSet.LoadAsync(Replace(files, "rubric-young-teachers.json",
            "\"Expression\": \"input1.Total >= from && input1.Total <= to\"",
            "\"Expression\": \"input1.Total >= from && input1.Total <= to && 10 / (input1.Total - 5) >= -10\""), proveTotality: false, TestContext.Current.CancellationToken);
        var rubric = ruleSet.Rubrics["young_teachers"];

        var (band, failure) = await ruleSet.BandOrFailureAsync(rubric, new RubricScores([2, 2, 1]), "gatchinsky", "Гатчинский район");
        var (fine, none) = await ruleSet.BandOrFailureAsync(rubric, new RubricScores([2, 2]), "gatchinsky", "Гатчинский район");

        Assert.Null(band);
        Assert.Equal((RuleFailureKind.Rubric, "rubric-young-teachers.json", "сумма баллов 5"), (failure!.Kind, failure.FileName, failure.Inputs));
        Assert.Contains("деление на ноль", failure.Detail, StringComparison.Ordinal);
        Assert.Equal("low", fine!.Name);
        Assert.Null(none);
    }

    private static async Task<RuleSet> WithExamsExpressionAsync(string rule, string expression)
    {
        var files = await RepositoryFilesAsync();
        var exams = files.Single(file => file.Name == "exams.json");
        var at = exams.Json.IndexOf($"\"RuleName\": \"{rule}\"", StringComparison.Ordinal);
        var start = exams.Json.IndexOf("\"Expression\": \"", at, StringComparison.Ordinal) + "\"Expression\": \"".Length;
        var end = exams.Json.IndexOf('"', start);
        var edited = exams with { Json = exams.Json[..start] + expression + exams.Json[end..] };
        return await RuleSet.LoadAsync([.. files.Where(file => file.Name != "exams.json"), edited], proveTotality: false, TestContext.Current.CancellationToken);
    }

    private static List<RuleFile> Replace(IReadOnlyList<RuleFile> files, string name, string what, string with) =>
        [.. files.Select(file => file.Name == name ? file with { Json = file.Json.Replace(what, with, StringComparison.Ordinal) } : file)];

    private static Task<IReadOnlyList<RuleFile>> RepositoryFilesAsync() =>
        RuleFiles.ReadDirectoryAsync(Path.Combine(AppContext.BaseDirectory, "rules"), TestContext.Current.CancellationToken);
}
