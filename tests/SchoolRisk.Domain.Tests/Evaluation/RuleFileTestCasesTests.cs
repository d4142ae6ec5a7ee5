using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Tests.Evaluation;

/// <summary>Every rule file's own test cases pass, and every threshold of every rule is tested exactly on its value.</summary>
public sealed class RuleFileTestCasesTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "rules");

    /// <summary>Rule files proper: the workflows. The integrated assessment's file has its own cases (IntegratedAssessmentFile_ItsTestCasesPass).</summary>
    public static TheoryData<string> RuleFileNames() =>
        [.. Directory.GetFiles(Folder, "*.json").Where(path => File.ReadAllText(path).Contains("\"WorkflowName\"", StringComparison.Ordinal))
            .Select(path => Path.GetFileName(path)).Order()];

    [Theory]
    [MemberData(nameof(RuleFileNames))]
    public async Task RuleFile_ItsTestCasesPass(string fileName)
    {
        var ruleSet = await RepositoryRules.LoadAsync();
        var file = await ReadAsync(fileName);
        var cases = RuleTestCases.Read(file);
        var classificationCases = ClassificationTestCases.Read(file);
        var rubricCases = RubricTestCases.Read(file);
        var recommendationCases = RecommendationTestCases.Read(file);

        var failures = await RuleTestCases.RunAsync(new SchoolEvaluator(ruleSet, OverallZonePolicy.Default), cases, TestContext.Current.CancellationToken);
        var classificationFailures = await ClassificationTestCases.RunAsync(ruleSet, classificationCases);
        var rubricFailures = await RubricTestCases.RunAsync(ruleSet, rubricCases);
        var recommendationFailures = recommendationCases.Count > 0 ? await RecommendationTestCases.RunAsync(ruleSet, fileName, recommendationCases) : [];

        Assert.True(cases.Count + classificationCases.Count + rubricCases.Count + recommendationCases.Count > 0, $"{fileName} has no test cases.");
        Assert.Empty(failures);
        Assert.Empty(classificationFailures);
        Assert.Empty(rubricFailures);
        Assert.Empty(recommendationFailures);
    }

    [Fact]
    public async Task RepositoryRules_PassTheValidationAnActivationRuns_ThresholdsAndBandEdgesEachHaveACaseOnThem()
    {
        var validation = await RuleSetValidation.ValidateAsync(
            await RuleFiles.ReadDirectoryAsync(Folder, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);

        Assert.Empty(validation.Problems);
        Assert.True(validation.IsValid);
    }

    [Fact]
    public async Task Validation_AThresholdChangedWithoutItsCase_IsAProblemNamingFileAndRule()
    {
        var files = await RuleFiles.ReadDirectoryAsync(Folder, TestContext.Current.CancellationToken);
        var edited = files.Select(file => file.Name == "exams.json"
            ? file with { Json = file.Json.Replace("\"Threshold\": 10", "\"Threshold\": 11", StringComparison.Ordinal) }
            : file).ToList();

        var validation = await RuleSetValidation.ValidateAsync(edited, TestContext.Current.CancellationToken);

        Assert.False(validation.IsValid);
        Assert.Contains(validation.Problems, problem => problem.StartsWith("exams.json", StringComparison.Ordinal) && problem.Contains("ровно на пороге 11", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IntegratedAssessmentFile_ItsTestCasesPass()
    {
        var ruleSet = await RepositoryRules.LoadAsync();
        var cases = AssessmentTestCases.Read(await ReadAsync("integrated-assessment.json"));

        var failures = AssessmentTestCases.Run(ruleSet.Assessment!, cases);

        Assert.NotEmpty(cases);
        Assert.Empty(failures);
    }

    [Fact]
    public async Task IntegratedAssessment_WrongExpectation_IsReportedNamingCaseSchoolAndField()
    {
        var ruleSet = await RepositoryRules.LoadAsync();
        var file = await ReadAsync("integrated-assessment.json");
        var wrong = file with { Json = file.Json.Replace("\"x\": {\"Rank\": 1}", "\"x\": {\"Rank\": 2}", StringComparison.Ordinal) };

        var failures = AssessmentTestCases.Run(ruleSet.Assessment!, AssessmentTestCases.Read(wrong));

        Assert.Equal("x Rank — ожидалось 2, получилось 1", Assert.Single(failures).Split(": ")[^1]);
    }

    [Fact]
    public async Task IntegratedAssessment_ASchoolIdThatIsNotOne_IsRefusedNamingCaseAndId()
    {
        var file = await ReadAsync("integrated-assessment.json");
        var wrong = file with { Json = file.Json.Replace("{\"Id\": \"x\",", "{\"Id\": \"x y\",", StringComparison.Ordinal) };

        var error = Assert.Throws<RuleSetException>(() => AssessmentTestCases.Read(wrong));

        Assert.Contains("integrated-assessment.json, тестовый пример «", error.Message, StringComparison.Ordinal);
        Assert.Contains("»: код школы «x y» содержит недопустимый знак «пробел»", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_WrongExpectation_IsReportedNamingFileCaseIndicatorAndZones()
    {
        var file = new RuleFile("exams.json", """
            { "WorkflowName": "exams",
              "Rules": [ { "RuleName": "ege_below_min_share.high", "Properties": { "Indicator": "ege_below_min_share", "Zone": "high", "Threshold": 10 },
                           "Expression": "input1.EgeBelowMinShare >= threshold" } ],
              "TestCases": [ { "Name": "wrong on purpose", "Input": { "ege_below_min_share": 9 }, "Expect": { "ege_below_min_share": "high" } } ] }
            """);
        var evaluator = new SchoolEvaluator(await RuleSet.LoadAsync([file], TestContext.Current.CancellationToken), OverallZonePolicy.Default);

        var failures = await RuleTestCases.RunAsync(evaluator, RuleTestCases.Read(file), TestContext.Current.CancellationToken);

        Assert.Equal(["exams.json, тестовый пример «wrong on purpose»: ege_below_min_share — ожидалась зона high, получилась none"], failures);
    }

    private static async Task<RuleFile> ReadAsync(string fileName) =>
        new(fileName, await File.ReadAllTextAsync(Path.Combine(Folder, fileName), TestContext.Current.CancellationToken));
}
