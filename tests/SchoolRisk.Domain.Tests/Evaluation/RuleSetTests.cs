using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Tests.Evaluation;

public sealed class RuleSetTests
{
    private const string OneRule = """
        {
          "WorkflowName": "exams",
          "Rules": [
            {
              "RuleName": "ege_below_min_share.high",
              "Properties": { "Indicator": "ege_below_min_share", "Zone": "high", "Threshold": 9.5 },
              "Expression": "input1.EgeBelowMinShare >= threshold"
            }
          ]
        }
        """;

    [Fact]
    public async Task Load_RepositoryRules_HasOneWorkflowPerIndicatorBlock()
    {
        var ruleSet = await RepositoryRules.LoadAsync();

        Assert.Equal(["assessments", "contingent", "exams", "functional-literacy", "prevention", "staff", "supervision"], ruleSet.WorkflowNames);
        Assert.Equal("classifications", ruleSet.ClassificationWorkflowName);
        Assert.Matches("^[0-9a-f]{12}$", ruleSet.Version.ToString());
        Assert.All(ruleSet.ZoneRules, rule => Assert.NotEqual(Zone.None, rule.Zone));
    }

    [Fact]
    public async Task Version_SameFiles_SameVersion_ChangedThreshold_NewVersion()
    {
        var first = await LoadAsync(OneRule);
        var again = await LoadAsync(OneRule);
        var changed = await LoadAsync(OneRule.Replace("9.5", "9.6", StringComparison.Ordinal));

        Assert.Equal(first.Version, again.Version);
        Assert.NotEqual(first.Version, changed.Version);
    }

    [Fact]
    public async Task Threshold_DecimalInProperties_ComparesExactly()
    {
        var evaluator = new SchoolEvaluator(await LoadAsync(OneRule), OverallZonePolicy.Default);

        var on = evaluator.Evaluate(School(9.5m));
        var below = evaluator.Evaluate(School(9.49m));

        Assert.Equal(Zone.High, on.ZoneOf("ege_below_min_share"));
        Assert.Equal(9.5m, Assert.Single(on.Findings).Threshold);
        Assert.Equal(Zone.None, below.ZoneOf("ege_below_min_share"));
    }

    [Theory]
    [InlineData("{ not json", "exams.json: это не JSON — ошибка в строке 1")]
    [InlineData("""{ "Rules": [] }""", "exams.json: нет обязательного ключа «WorkflowName»")]
    [InlineData("""{ "WorkflowName": "exams", "Rules": [] }""", "exams.json, ключ «Rules»: список должен содержать хотя бы 1 элемент")]
    public async Task Load_BrokenFile_NamesTheFile(string json, string expected)
    {
        var error = await Assert.ThrowsAsync<RuleSetException>(() => LoadAsync(json));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"Indicator\": \"ege_below_min_share\"", "\"Indicator\": \"ege_typo\"", "показателя «ege_typo» нет в каталоге показателей")]
    [InlineData("\"Zone\": \"high\"", "\"Zone\": \"severe\"", "Properties.Zone должно быть \"medium\" или \"high\"")]
    [InlineData("\"Threshold\": 9.5", "\"Threshold\": \"9.5\"", "ключ «Properties.Threshold»: ожидается число, а записано \"9.5\"")]
    [InlineData("input1.EgeBelowMinShare >= threshold", "input1.NoSuchField >= threshold", "NoSuchField")]
    [InlineData("input1.EgeBelowMinShare >= threshold", "input1.EgeBelowMinShare >= 9.5.5", "9.5.5")]
    public async Task Load_BrokenRule_NamesFileAndRule(string part, string replacement, string expected)
    {
        var json = OneRule.Replace(part, replacement, StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<RuleSetException>(() => LoadAsync(json));

        Assert.StartsWith("exams.json, правило «ege_below_min_share.high»", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_DuplicateRuleName_IsRefusedBeforeTheEngineSeesIt()
    {
        var json = OneRule.Replace("\"Rules\": [", "\"Rules\": [" + RuleJson() + ",", StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<RuleSetException>(() => LoadAsync(json));

        Assert.Equal("exams.json: правила «ege_below_min_share.high», «ege_below_min_share.high» названы одинаково (регистр букв не различается); дайте каждому правилу своё имя.", error.Message);

        static string RuleJson() => """
            { "RuleName": "ege_below_min_share.high",
              "Properties": { "Indicator": "ege_below_min_share", "Zone": "high", "Threshold": 1 },
              "Expression": "input1.EgeBelowMinShare >= threshold" }
            """;
    }

    [Fact]
    public async Task Load_SameWorkflowInTwoFiles_IsRefused()
    {
        var error = await Assert.ThrowsAsync<RuleSetException>(() =>
            RuleSet.LoadAsync([new RuleFile("a.json", OneRule), new RuleFile("b.json", OneRule)], TestContext.Current.CancellationToken));

        Assert.Equal("b.json: набор правил «exams» уже есть в a.json (регистр букв не различается); дайте ему другое WorkflowName.", error.Message);
    }

    private static Task<RuleSet> LoadAsync(string json) =>
        RuleSet.LoadAsync([new RuleFile("exams.json", json)], TestContext.Current.CancellationToken);

    private static SchoolRow School(decimal egeBelowMinShare) =>
        new(2, SchoolId.Parse("s-1"), "Школа", new SchoolIndicators { EgeBelowMinShare = egeBelowMinShare });
}
