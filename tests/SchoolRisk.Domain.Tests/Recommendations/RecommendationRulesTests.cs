using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Recommendations;
using SchoolRisk.Domain.RiskGroups;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Support;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Tests.Recommendations;

/// <summary>
/// Addressed recommendations as a rule file (issue 23, item 1): what applies to a situation, and the file refused in
/// Russian when a case fails, a rule has no case, an addressee is unknown or an expression unsafe.
/// </summary>
public sealed class RecommendationRulesTests
{
    private static Task<List<RuleFile>> FilesWithAsync(string recommendationsJson) =>
        RepositoryRules.FilesWithAsync(new RuleFile("recommendations.json", recommendationsJson));

    private static string File(
        string expression, string addressee = "school", string cases = """{ "Name": "да", "Situation": { "LowResults": true }, "Expect": ["r1"] }""", string concerns = "") => $$"""
        {
          "WorkflowName": "Recommendations",
          "Rules": [ { "RuleName": "r1", "Properties": { "Addressee": "{{addressee}}", "Recommendation": "Мера", "Reason": "Причина"{{concerns}} }, "Expression": "{{expression}}" } ],
          "TestCases": [ {{cases}} ]
        }
        """;

    [Fact]
    public async Task TheRepositoryRules_AddressALowResultSchoolToItsSchoolAndMunicipality_AndAStablyLowOneToTheCommittee()
    {
        var ruleSet = await RepositoryRules.LoadAsync();

        var low = await ruleSet.RecommendAsync(new RecommendationInput { LowResults = true, OverallZone = 2 });
        var stably = await ruleSet.RecommendAsync(new RecommendationInput { LowResults = true, StablyLowResults = true, OverallZone = 2 });

        Assert.Equal([("low_results.school", Addressee.School), ("low_results.municipality", Addressee.Municipality)], low.Select(r => (r.RuleName, r.Addressee)));
        Assert.Contains(stably, r => r.RuleName == "stably_low.committee" && r.Addressee == Addressee.Committee && r.Reason == "низкие результаты два периода подряд");
        Assert.Empty(await ruleSet.RecommendAsync(RecommendationInput.Empty));
    }

    [Fact]
    public async Task TheInput_FollowsFromTheEvaluation_ZonesClassificationsAndStanding()
    {
        var evaluation = new SchoolEvaluation(
            new SchoolRow(2, SchoolId.Parse("s-1"), "Школа", new SchoolIndicators()),
            [new IndicatorFinding("ege_below_min_share", 12m, Zone.High, 10m, "ege_below_min_share.high")],
            Zone.High)
        {
            Classification = SchoolClassification.None with
            {
                LowResults = true,
                RiskGroup = new RiskGroupStanding(RiskGroupStatus.Leaving, 1, Period.Parse("2022-2023"), null),
            },
        };

        var input = RecommendationInput.Of(evaluation, Zone.Medium, new HashSet<SupportKind> { SupportKind.Mentoring });

        Assert.Equal((2, 2, 0, true, true, false, 1), (input.OverallZone, input.EgeBelowMinShareZone, input.OgeFailShareZone, input.LowResults, input.RiskGroupLeaving, input.RiskGroupReEntered, input.MunicipalRubricZone));
        Assert.Equal((true, false, true, false), (input.Supported, input.Subsidised, input.Mentored, input.InMunicipalProgramme));
        Assert.Contains((await (await RepositoryRules.LoadAsync()).RecommendAsync(input)).Select(r => r.RuleName), rule => rule == "leaving.municipality");
    }

    [Fact]
    public async Task ACaseThatDoesNotHold_IsRefused_NamingWhatDidNotApplyAndWhatDid()
    {
        var validation = await RuleSetValidation.ValidateAsync(
            await FilesWithAsync(File("input1.LowResults", cases: """{ "Name": "да", "Situation": { "LowResults": true }, "Expect": ["r1"] }, { "Name": "нет", "Situation": { "LowResults": true }, "Expect": [] }""")),
            TestContext.Current.CancellationToken);

        Assert.Contains("recommendations.json, тестовый пример «нет»: сработали без ожидания: r1", validation.Problems);
    }

    [Fact]
    public async Task ARuleNoCaseMakesApply_IsRefused()
    {
        var validation = await RuleSetValidation.ValidateAsync(
            await FilesWithAsync(File("input1.StablyLowResults", cases: """{ "Name": "пусто", "Situation": {}, "Expect": [] }""")), TestContext.Current.CancellationToken);

        Assert.Contains("recommendations.json, правило «r1»: нет тестового примера, где оно срабатывает; добавьте его.", validation.Problems);
    }

    [Fact]
    public async Task AnUnknownAddressee_IsRefusedInRussian()
    {
        var validation = await RuleSetValidation.ValidateAsync(await FilesWithAsync(File("input1.LowResults", addressee: "director")), TestContext.Current.CancellationToken);

        Assert.Contains("recommendations.json, правило «r1»: Properties.Addressee «director» — нужно одно из: school, municipality, committee.", validation.Problems);
    }

    [Fact]
    public async Task WhatAMeasureConcerns_MunicipalityOrSchool_AnythingElseRefusedInRussian()
    {
        var municipal = await RuleSetValidation.ValidateAsync(
            await FilesWithAsync(File("input1.LowResults", concerns: """, "Concerns": "municipality" """)), TestContext.Current.CancellationToken);
        var unknown = await RuleSetValidation.ValidateAsync(
            await FilesWithAsync(File("input1.LowResults", concerns: """, "Concerns": "region" """)), TestContext.Current.CancellationToken);

        Assert.True(municipal.IsValid, string.Join(" | ", municipal.Problems));
        Assert.Contains("recommendations.json, правило «r1»: Properties.Concerns «region» — нужно school (мера о школе) или municipality (мера о муниципалитете в целом).", unknown.Problems);
    }

    [Fact]
    public async Task TheRepositoryRules_TheMethodologicalAudit_ConcernsTheMunicipality_AndAStablyLowSchoolAlreadySupported_GetsNoSecondOffer()
    {
        var ruleSet = await RepositoryRules.LoadAsync();
        var stablyLow = new RecommendationInput { LowResults = true, StablyLowResults = true, OverallZone = 2 };

        Assert.True(ruleSet.Recommendations.Single(rule => rule.RuleName == "rubrics.committee").ConcernsMunicipality);
        Assert.Equal(1, ruleSet.Recommendations.Count(rule => rule.ConcernsMunicipality));
        Assert.Contains("stably_low.committee", (await ruleSet.RecommendAsync(stablyLow)).Select(r => r.RuleName));
        var supported = (await ruleSet.RecommendAsync(new RecommendationInput { LowResults = true, StablyLowResults = true, OverallZone = 2, Supported = true, Mentored = true }))
            .Select(r => r.RuleName).ToList();
        Assert.DoesNotContain("stably_low.committee", supported);
        Assert.Contains("supported.committee", supported);
    }

    [Theory]
    [InlineData("input1.GetType().Name == \\\"x\\\"")]
    [InlineData("input1.Unknown == 1")]
    public async Task AnExpressionOutsideTheAllowList_IsRefused(string expression)
    {
        var validation = await RuleSetValidation.ValidateAsync(await FilesWithAsync(File(expression)), TestContext.Current.CancellationToken);

        Assert.False(validation.IsValid);
        Assert.Contains(validation.Problems, problem => problem.StartsWith("recommendations.json, правило «r1»:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASituationWithAFieldTheInputHasNot_IsRefusedByItsShape()
    {
        var validation = await RuleSetValidation.ValidateAsync(
            await FilesWithAsync(File("input1.LowResults", cases: """{ "Name": "да", "Situation": { "LowResult": true }, "Expect": ["r1"] }""")), TestContext.Current.CancellationToken);

        Assert.False(validation.IsValid);
        Assert.Contains(validation.Problems, problem => problem.Contains("LowResult", StringComparison.Ordinal));
    }
}
