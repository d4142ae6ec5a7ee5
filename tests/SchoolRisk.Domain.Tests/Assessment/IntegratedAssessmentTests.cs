using SchoolRisk.Domain.Assessment;
using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Tests.Assessment;

public sealed class IntegratedAssessmentTests
{
    private static readonly AssessmentSettings TwoDirections = new(
        [new AssessmentDirection("resources", "Кадры", 3, ["teachers_top_category_share"]), new AssessmentDirection("prevention", "Профилактика", 1, ["offences_per_1000"])],
        HighFromPercentile: 75, LowBelowPercentile: 25, TopSecondary: 2, TopBasic: 1, Leaders: 1);

    [Fact]
    public async Task RepositorySettings_AreLoadedWithTheRuleSet_SixDirectionsWhoseWeightsSumToOne()
    {
        var ruleSet = await RepositoryRules.LoadAsync();

        Assert.NotNull(ruleSet.Assessment);
        Assert.Equal(["results", "accessibility", "talent", "resources", "prevention", "infrastructure"], ruleSet.Assessment.Directions.Select(d => d.Id));
        Assert.Equal(1m, ruleSet.Assessment.Directions.Sum(d => d.Weight));
    }

    [Fact]
    public async Task Settings_UnknownMeasure_IsRefusedNamingFileAndMeasure()
    {
        var json = """{ "IntegratedAssessment": { "Directions": [ { "Id": "x", "Title": "X", "Weight": 1, "Measures": [ "no_such" ] } ], "Levels": { "HighFromPercentile": 75, "LowBelowPercentile": 25 }, "Top": { "Secondary": 1, "Basic": 1, "Leaders": 1 } } }""";
        var workflow = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "rules", "exams.json"), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<RuleSetException>(() =>
            RuleSet.LoadAsync([new RuleFile("exams.json", workflow), new RuleFile("assessment.json", json)], TestContext.Current.CancellationToken));

        Assert.Equal("assessment.json, раздел IntegratedAssessment: мера «no_such» — не results_index и не показатель каталога.", error.Message);
    }

    [Fact]
    public void Assess_WeightsDirectionsRanksWithinKindAndMarksTopsAndLeaders()
    {
        // Four secondary schools, better and better in both directions, and two basic ones.
        var schools = Enumerable.Range(1, 4).Select(n => (SchoolId.Parse($"s{n}"), "secondary", Values(teachers: n * 10, offences: 10 - n)))
            .Concat([(SchoolId.Parse("b1"), "basic", Values(teachers: 5, offences: 9)), (SchoolId.Parse("b2"), "basic", Values(teachers: 45, offences: 1))])
            .ToList();
        var region = RegionalDistribution.Of([.. schools.Select(s => s.Item3)]);

        var assessed = IntegratedAssessment.Assess(TwoDirections, schools, region);

        Assert.Equal([4, 3, 2, 1], new[] { "s1", "s2", "s3", "s4" }.Select(id => assessed[SchoolId.Parse(id)].Rank!.Value));
        Assert.Equal([1, 2], new[] { "b2", "b1" }.Select(id => assessed[SchoolId.Parse(id)].Rank!.Value));
        Assert.Equal((true, true), (assessed[SchoolId.Parse("s4")].Top, assessed[SchoolId.Parse("s4")].Leader));
        Assert.Equal((true, false), (assessed[SchoolId.Parse("s3")].Top, assessed[SchoolId.Parse("s3")].Leader));
        Assert.False(assessed[SchoolId.Parse("s2")].Top);
        Assert.Equal((true, false), (assessed[SchoolId.Parse("b2")].Top, assessed[SchoolId.Parse("b1")].Top));
        Assert.Equal(AssessmentLevel.High, assessed[SchoolId.Parse("b2")].Level);
        Assert.Equal(AssessmentLevel.Low, assessed[SchoolId.Parse("b1")].Level);
        var s4 = assessed[SchoolId.Parse("s4")];
        Assert.Equal(Math.Round(((3 * s4.Directions["resources"]!.Value) + s4.Directions["prevention"]!.Value) / 4, 4), s4.Composite);
    }

    [Fact]
    public void Assess_SchoolWithNoMeasure_HasNoCompositeNoLevelNoRank()
    {
        List<(SchoolId, string, SchoolIndicators)> schools = [(SchoolId.Parse("s1"), "secondary", Values(10, 1)), (SchoolId.Parse("s2"), "secondary", Values(20, 2)), (SchoolId.Parse("empty"), "secondary", SchoolIndicators.Empty)];

        var assessed = IntegratedAssessment.Assess(TwoDirections, schools, RegionalDistribution.Of([.. schools.Select(s => s.Item3)]));

        Assert.Equal((null, null, null, false), (assessed[SchoolId.Parse("empty")].Composite, assessed[SchoolId.Parse("empty")].Level, assessed[SchoolId.Parse("empty")].Rank, assessed[SchoolId.Parse("empty")].Top));
    }

    private static SchoolIndicators Values(decimal teachers, decimal offences) =>
        new() { TeachersTopCategoryShare = teachers, OffencesPer1000 = offences };
}
