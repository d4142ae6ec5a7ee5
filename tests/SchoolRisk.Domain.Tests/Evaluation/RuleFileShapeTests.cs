using System.Text;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Evaluation.Shape;

namespace SchoolRisk.Domain.Tests.Evaluation;

/// <summary>
/// Malformed rule files an administrator might write: each is refused by validation with a problem in Russian that
/// names the file, the rule or test case and the key, and never throws out of <see cref="RuleSetValidation.ValidateAsync"/>.
/// </summary>
public sealed class RuleFileShapeTests
{
    private const string Rule = """
        {
          "RuleName": "ege_below_min_share.high",
          "Properties": { "Indicator": "ege_below_min_share", "Zone": "high", "Threshold": 10 },
          "Expression": "input1.EgeBelowMinShare >= threshold"
        }
        """;

    private const string Case = """{ "Name": "on", "Input": { "ege_below_min_share": 10 }, "Expect": { "ege_below_min_share": "high" } }""";

    private static readonly string Exams = $$"""{ "WorkflowName": "exams", "Rules": [ {{Rule}} ], "TestCases": [ {{Case}} ] }""";

    [Theory]
    [InlineData("\"Threshold\": 10", "\"Treshold\": 10", "exams.json, правило «ege_below_min_share.high», ключ «Properties.Treshold»: такого ключа нет; может быть, «Threshold»?")]
    [InlineData("\"Expression\"", "\"actions\": {}, \"Expression\"", "exams.json, правило «ege_below_min_share.high», ключ «actions»: такого ключа нет: ключи пишутся с учётом регистра, нужно «Actions»")]
    [InlineData("\"Expression\"", "\"Enabled\": false, \"Expression\"", "exams.json, правило «ege_below_min_share.high», ключ «Enabled»: правило нельзя отключить")]
    [InlineData("\"Expression\"", "\"Actions\": { \"OnSuccess\": {} }, \"Expression\"", "ключ «Actions»: действия правил не поддерживаются")]
    [InlineData("\"RuleName\": \"ege_below_min_share.high\"", "\"RuleName\": \"\"", "exams.json, правило №1, ключ «RuleName»: значение не может быть пустым")]
    [InlineData("\"RuleName\": \"ege_below_min_share.high\"", "\"RuleName\": null", "exams.json, правило №1, ключ «RuleName»: ожидается строка в кавычках, а записано null")]
    [InlineData("\"Threshold\": 10", "\"Threshold\": 10.000000000000000000000000000001", "правило «ege_below_min_share.high»: Properties.Threshold в числе 10.000000000000000000000000000001 больше значащих цифр")]
    [InlineData("\"Threshold\": 10", "\"Threshold\": 1e-999999999999", "Properties.Threshold")]
    [InlineData("\"Expect\": { \"ege_below_min_share\": \"high\" }", "\"Expect\": { \"ege_below_min_share\": 2 }", "exams.json, тестовый пример «on», ключ «Expect.ege_below_min_share»: ожидается строка в кавычках, а записано 2")]
    [InlineData("\"WorkflowName\": \"exams\"", "\"workflowName\": \"exams\"", "exams.json, ключ «workflowName»: такого ключа нет: ключи пишутся с учётом регистра, нужно «WorkflowName»")]
    public async Task Validate_MalformedRule_IsRefusedNamingFileRuleAndKey(string part, string replacement, string expected)
    {
        var problems = await ProblemsAsync(Exams.Replace(part, replacement, StringComparison.Ordinal));

        Assert.Contains(problems, problem => problem.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "WorkflowName": "exams", "Rules": [ null ] }""", "exams.json, правило №1: ожидается объект { … }, а записано null")]
    [InlineData("""{ "WorkflowName": "exams", "Rules": [ {} ] }""", "exams.json, правило №1: нет обязательных ключей «RuleName», «Expression», «Properties»")]
    [InlineData("""{ "WorkflowName": "exams", "Rules": {} }""", "exams.json, ключ «Rules»: ожидается список [ … ], а записано объект { … }")]
    [InlineData("""[]""", "exams.json: ожидается объект { … }, а записано список [ … ]")]
    [InlineData("""{ "WorkflowName": "exams", "Rules": [ RULE ], "TestCases": {} }""", "exams.json, ключ «TestCases»: ожидается список [ … ]")]
    [InlineData("""{ "WorkflowName": "exams", "Rules": [ RULE ], "TestCases": [ 5 ] }""", "exams.json, тестовый пример №1: ожидается объект { … }, а записано 5")]
    [InlineData("""{ "WorkflowName": "exams", "Rules": [ RULE, RULE2 ] }""", "exams.json: правила «ege_below_min_share.high», «EGE_below_min_share.HIGH» названы одинаково")]
    [InlineData("""{ "WorkflowName": "exams", "Rules": [ RULE ], "Treshold": 1 }""", "exams.json, ключ «Treshold»: такого ключа нет")]
    public async Task Validate_MalformedFile_IsRefusedNamingTheFile(string json, string expected)
    {
        var problems = await ProblemsAsync(json.Replace("RULE2", Rule.Replace("\"ege_below_min_share.high\"", "\"EGE_below_min_share.HIGH\"", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("RULE", Rule, StringComparison.Ordinal));

        Assert.Contains(problems, problem => problem.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_TwoWorkflowsWhoseNamesDifferByCase_AreRefused()
    {
        var validation = await RuleSetValidation.ValidateAsync(
            [new RuleFile("a.json", Exams), new RuleFile("b.json", Exams.Replace("\"exams\"", "\"Exams\"", StringComparison.Ordinal))], TestContext.Current.CancellationToken);

        Assert.Equal(["b.json: набор правил «Exams» уже есть в a.json (регистр букв не различается); дайте ему другое WorkflowName."], validation.Problems);
    }

    [Fact]
    public async Task Validate_ByteOrderMarkCommentsAndTrailingCommas_AreAcceptedAndReadAsTheSameVersion()
    {
        var plain = await RuleSetValidation.ValidateAsync([new RuleFile("exams.json", Exams)], TestContext.Current.CancellationToken);
        var withMark = await RuleSetValidation.ValidateAsync([new RuleFile("exams.json", "\uFEFF" + Exams)], TestContext.Current.CancellationToken);
        var commented = await RuleSetValidation.ValidateAsync(
            [new RuleFile("exams.json", "// ЕГЭ\n" + Exams.Replace("] }", "], }", StringComparison.Ordinal))], TestContext.Current.CancellationToken);

        Assert.True(plain.IsValid, string.Join("\n", plain.Problems));
        Assert.True(withMark.IsValid, string.Join("\n", withMark.Problems));
        Assert.True(commented.IsValid, string.Join("\n", commented.Problems));
        Assert.Equal(plain.RuleSet!.Version, withMark.RuleSet!.Version);
    }

    [Fact]
    public async Task Validate_OversizeFile_IsRefusedBeforeItIsParsed()
    {
        var huge = Exams.Replace("\"Rules\"", "\"Padding\": \"" + new string('x', RuleSetLimits.MaxFileBytes) + "\", \"Rules\"", StringComparison.Ordinal);

        var problems = await ProblemsAsync(huge);

        Assert.Equal(["exams.json: файл занимает 256,4 КБ, допустимо не больше 256 КБ; разделите блок на несколько файлов или проверьте, что загружен нужный файл."], problems);
    }

    [Fact]
    public async Task Validate_TooManyRules_InAFileOrInTheSet_AreRefusedNamingTheLimit()
    {
        var oneFile = await ProblemsAsync(Workflow("exams", RuleSetLimits.MaxRulesPerFile + 1));
        var files = Enumerable.Range(0, (RuleSetLimits.MaxRules / RuleSetLimits.MaxRulesPerFile) + 1)
            .Select(i => new RuleFile($"w{i}.json", Workflow($"w{i}", RuleSetLimits.MaxRulesPerFile))).ToList();
        var set = await RuleSetValidation.ValidateAsync(files, TestContext.Current.CancellationToken);

        Assert.Equal([$"exams.json: {RuleSetLimits.MaxRulesPerFile + 1} правил, допустимо не больше {RuleSetLimits.MaxRulesPerFile} в одном файле; разделите блок на несколько файлов."], oneFile);
        Assert.Equal([$"В наборе {RuleSetLimits.MaxRules + RuleSetLimits.MaxRulesPerFile} правил, допустимо не больше {RuleSetLimits.MaxRules}."], set.Problems);

        static string Workflow(string name, int rules) => $$"""{"WorkflowName":"{{name}}","Rules":[{{string.Join(",", Enumerable.Range(0, rules).Select(i =>
            $$$"""{"RuleName":"r{{{i}}}","Properties":{"Indicator":"ege_below_min_share","Zone":"high","Threshold":10},"Expression":"input1.EgeBelowMinShare >= threshold"}"""))}}]}""";
    }

    [Fact]
    public async Task Validate_ProblemsOfSeveralFiles_AreAllReportedAtOnce()
    {
        var validation = await RuleSetValidation.ValidateAsync(
            [new RuleFile("a.json", Exams.Replace("Threshold", "Treshold", StringComparison.Ordinal)), new RuleFile("b.json", "{ broken")],
            TestContext.Current.CancellationToken);

        Assert.Equal(3, validation.Problems.Count);
        Assert.Contains(validation.Problems, problem => problem.StartsWith("a.json, правило «ege_below_min_share.high», ключ «Properties.Treshold»: такого ключа нет", StringComparison.Ordinal));
        Assert.Contains(validation.Problems, problem => problem.StartsWith("a.json, правило «ege_below_min_share.high», ключ «Properties»: нет обязательного ключа «Threshold»", StringComparison.Ordinal));
        Assert.Contains(validation.Problems, problem => problem.StartsWith("b.json: это не JSON", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_RepositoryRules_PassTheirSchemas()
    {
        var files = await RuleFiles.ReadDirectoryAsync(Path.Combine(AppContext.BaseDirectory, "rules"), TestContext.Current.CancellationToken);

        var validation = await RuleSetValidation.ValidateAsync(files, TestContext.Current.CancellationToken);

        Assert.True(validation.IsValid, string.Join("\n", validation.Problems));
        Assert.All(files, file => Assert.True(Encoding.UTF8.GetByteCount(file.Json) < RuleSetLimits.MaxFileBytes / 10));
    }

    private static async Task<IReadOnlyList<string>> ProblemsAsync(string json)
    {
        var validation = await RuleSetValidation.ValidateAsync([new RuleFile("exams.json", json)], TestContext.Current.CancellationToken);
        Assert.False(validation.IsValid);
        return validation.Problems;
    }
}
