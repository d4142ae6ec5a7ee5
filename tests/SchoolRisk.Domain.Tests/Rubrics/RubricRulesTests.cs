using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Rubrics;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Tests.Rubrics;

/// <summary>Rubric workflows: bands must cover every total once, so the source's defects are decided in the file, not by accident.</summary>
public sealed class RubricRulesTests
{
    private const string YoungTeachers = """
        { "WorkflowName": "young_teachers",
          "Rubric": { "Title": "Наставничество", "Level": "municipality", "Items": 11 },
          "Rules": [
            { "RuleName": "low", "Properties": { "Band": "low", "Zone": "high", "From": 0, "To": 11 }, "Expression": "input1.Total >= from && input1.Total <= to" },
            { "RuleName": "medium", "Properties": { "Band": "medium", "Zone": "medium", "From": 12, "To": 16 }, "Expression": "input1.Total >= from && input1.Total <= to" },
            { "RuleName": "high", "Properties": { "Band": "high", "Zone": "none", "From": 17, "To": 22 }, "Expression": "input1.Total >= from && input1.Total <= to" } ] }
        """;

    [Fact]
    public async Task Load_RepositoryRules_HasTheSixRubricsOfTheMethodology()
    {
        var ruleSet = await RepositoryRules.LoadAsync();

        Assert.Equal(
            ["course_review", "methodological_associations", "methodological_service", "transition_directions", "transition_self_assessment", "young_teachers"],
            ruleSet.Rubrics.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(86, ruleSet.Rubrics["transition_directions"].MaxScore);
        Assert.Equal(12, ruleSet.Rubrics["methodological_associations"].Items);
    }

    [Theory]
    [InlineData(11, "low", Zone.High)]
    [InlineData(12, "medium", Zone.Medium)]
    [InlineData(16, "medium", Zone.Medium)]
    [InlineData(17, "high", Zone.None)]
    public async Task BandOf_Total_FallsInExactlyOneBand(int total, string band, Zone zone)
    {
        var ruleSet = await LoadAsync(YoungTeachers);

        var actual = await ruleSet.BandOfAsync(ruleSet.Rubrics["young_teachers"], new RubricScores([total]));

        Assert.Equal((band, zone), (actual.Name, actual.Zone));
    }

    [Theory]
    [InlineData("\"To\": 16", "\"To\": 15", "правило «high»: суммы 16–16 не попадают ни в один уровень")]
    [InlineData("\"To\": 22", "\"To\": 24", "уровни заканчиваются на 24, но 11 пунктов по 0–2 балла дают не больше 22")]
    [InlineData("\"From\": 17", "\"From\": 16", "правило «high»: начинается с 16, но суммы до 16 уже относятся к другому уровню")]
    [InlineData("\"Items\": 11", "\"Items\": 0", "young.json, раздел Rubric: Items — число пунктов рубрики")]
    [InlineData("\"Level\": \"municipality\"", "\"Level\": \"region\"", "Level должен быть")]
    [InlineData("\"Zone\": \"medium\"", "\"Zone\": \"amber\"", "правило «medium»: Properties.Zone должно быть")]
    [InlineData("\"From\": 12", "\"From\": 12.5", "правило «medium», ключ «Properties.From»: ожидается целое число, а записано 12.5")]
    [InlineData("\"WorkflowName\": \"young_teachers\"", "\"WorkflowName\": \"young/teachers\"", "young.json: WorkflowName рубрики «young/teachers» служит ключом её результатов в хранилище")]
    public async Task Load_BandsThatDoNotCoverEveryTotalOnce_AreRefusedNamingTheRule(string part, string replacement, string expected)
    {
        var error = await Assert.ThrowsAsync<RuleSetException>(() => LoadAsync(YoungTeachers.Replace(part, replacement, StringComparison.Ordinal)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("young.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BandOf_EditedExpressionThatPicksTwoBands_IsAnEvaluationError()
    {
        var ruleSet = await LoadAsync(YoungTeachers.Replace("input1.Total >= from && input1.Total <= to", "input1.Total >= 0", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<RuleEvaluationException>(() => ruleSet.BandOfAsync(ruleSet.Rubrics["young_teachers"], new RubricScores([5])));

        Assert.Contains("total 5 falls in 3 bands", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_MissingExtraAndOutOfRangeScores_AreProblemsNamingTheItem()
    {
        var rubric = (await LoadAsync(YoungTeachers)).Rubrics["young_teachers"];

        var missing = rubric.Check([2, 2, 2, 2, 2, 2, 2, 2, 2, null, 2]);
        var extra = rubric.Check([2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1]);
        var outOfRange = rubric.Check([2, 2, 3, 2, 2, 2, 2, 2, 2, 2, 2]);
        var valid = rubric.Check([2, 2, 0, 2, 1, 2, 2, 2, 2, 2, 2]);

        Assert.Equal(10, Assert.Single(missing).Item);
        Assert.Contains("пропуск — ошибка, а не 0", missing[0].Message, StringComparison.Ordinal);
        Assert.Equal(12, Assert.Single(extra).Item);
        Assert.Equal(3, Assert.Single(outOfRange).Item);
        Assert.Empty(valid);
    }

    private static Task<RuleSet> LoadAsync(string json) => RuleSet.LoadAsync([new RuleFile("young.json", json)], TestContext.Current.CancellationToken);
}
