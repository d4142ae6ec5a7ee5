using SchoolRisk.Benchmarks;
using SchoolRisk.Benchmarks.Evaluation;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Testing;

namespace SchoolRisk.EndToEnd.Tests.Benchmarks;

/// <summary>The fast evaluator the benchmarks compare must decide what RulesEngine itself decides, school by school.</summary>
public sealed class NaiveBaselineTests
{
    [Fact]
    public async Task ProjectEvaluator_GivesEverySchoolTheZoneTheNaiveRulesEngineGives()
    {
        var files = await RuleFiles.ReadDirectoryAsync(Path.Combine(TestDeployment.RepositoryRoot, "rules"), TestContext.Current.CancellationToken);
        var ruleSet = await RuleSet.LoadAsync(files, TestContext.Current.CancellationToken);
        var schools = NationalData.Generate(ruleSet.ZoneRules, 3_000).Select(pair => pair.School).ToList();

        var naive = await (await NaiveRulesEngineEvaluator.LoadAsync(files)).EvaluateAsync(schools);
        var project = schools.Select(new SchoolEvaluator(ruleSet, OverallZonePolicy.Default).Evaluate).Select(evaluation => evaluation.OverallZone).ToList();

        Assert.Equal(naive, project);
        Assert.All([Zone.High, Zone.Medium, Zone.None], zone => Assert.Contains(zone, project));
    }
}
