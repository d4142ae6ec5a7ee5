using SchoolRisk.Domain.Evaluation;

namespace SchoolRisk.Domain.Tests.Evaluation;

/// <summary>What an edit of the rules would stop evaluating, compared between two loaded rule sets.</summary>
public sealed class RuleSetRemovalsTests
{
    [Fact]
    public async Task Between_TheSameRules_NothingIsRemoved()
    {
        var files = await RepositoryFilesAsync();

        Assert.Empty(RuleSetRemovals.Between(await LoadAsync(files), await LoadAsync(files)));
    }

    [Fact]
    public async Task Between_ARuleFileDeleted_NamesItsBlockAndEveryIndicatorNoLongerEvaluated()
    {
        var files = await RepositoryFilesAsync();

        var removals = RuleSetRemovals.Between(await LoadAsync(files), await LoadAsync(files.Where(file => file.Name != "prevention.json")));

        Assert.Equal([(RuleSetRemovalKind.Workflow, "prevention"), (RuleSetRemovalKind.Indicator, "offences_per_1000")], removals.Select(removal => (removal.Kind, removal.Name)));
        Assert.All(removals, removal => Assert.Equal("prevention.json", removal.FileName));
        Assert.StartsWith("prevention.json, блок «prevention»: блока больше нет в правилах; не будут оцениваться показатели offences_per_1000 («", removals[0].Description, StringComparison.Ordinal);
        Assert.StartsWith("prevention.json, показатель offences_per_1000 («", removals[1].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Between_AnIndicatorsRulesDeletedFromAKeptFile_IsAnIndicatorRemoval()
    {
        var files = await RepositoryFilesAsync();
        var exams = files.Single(file => file.Name == "exams.json");
        var withoutMedalists = exams with { Json = WithoutRules(exams.Json, "medalists_below70_share") };

        var removals = RuleSetRemovals.Between(await LoadAsync(files), await LoadAsync([.. files.Where(file => file.Name != "exams.json"), withoutMedalists]));

        var removal = Assert.Single(removals);
        Assert.Equal((RuleSetRemovalKind.Indicator, "medalists_below70_share"), (removal.Kind, removal.Name));
        Assert.Contains("«medalists_below70_share.high», «medalists_below70_share.medium»", removal.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Between_AFileRenamed_RemovesNothing_ButAWorkflowRenamedIsARemovalWhoseIndicatorsLiveOn()
    {
        var files = await RepositoryFilesAsync();
        var active = await LoadAsync(files);
        var renamedFile = files.Select(file => file.Name == "staff.json" ? file with { Name = "teachers.json" } : file).ToList();
        var renamedWorkflow = files.Select(file => file.Name == "staff.json"
            ? file with { Json = file.Json.Replace("\"WorkflowName\": \"staff\"", "\"WorkflowName\": \"teachers\"", StringComparison.Ordinal) }
            : file).ToList();

        Assert.Empty(RuleSetRemovals.Between(active, await LoadAsync(renamedFile)));
        var removal = Assert.Single(RuleSetRemovals.Between(active, await LoadAsync(renamedWorkflow)));
        Assert.Equal((RuleSetRemovalKind.Workflow, "staff"), (removal.Kind, removal.Name));
        Assert.EndsWith("его показатели оцениваются правилами других блоков.", removal.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Between_RubricClassificationAndAssessmentDeleted_AreEachARemoval()
    {
        var files = await RepositoryFilesAsync();
        string[] gone = ["rubric-course-review.json", "classifications.json", "integrated-assessment.json"];

        var removals = RuleSetRemovals.Between(await LoadAsync(files), await LoadAsync(files.Where(file => !gone.Contains(file.Name))));

        Assert.Equal(
            [(RuleSetRemovalKind.Rubric, "course_review"), (RuleSetRemovalKind.Classification, "classifications"), (RuleSetRemovalKind.Assessment, "IntegratedAssessment")],
            removals.Select(removal => (removal.Kind, removal.Name)));
        Assert.StartsWith("rubric-course-review.json, рубрикатор «", removals[0].Description, StringComparison.Ordinal);
        Assert.Contains("ШНОР", removals[1].Description, StringComparison.Ordinal);
        Assert.StartsWith("интегральная оценка: ", removals[2].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Between_ACandidateThatAddsBlocks_RemovesNothing()
    {
        var files = await RepositoryFilesAsync();

        Assert.Empty(RuleSetRemovals.Between(await LoadAsync(files.Where(file => file.Name != "staff.json")), await LoadAsync(files)));
    }

    /// <summary>The workflow JSON without the rules of <paramref name="indicator"/> (and without its test cases' expectations of it).</summary>
    private static string WithoutRules(string json, string indicator)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        var rules = node["Rules"]!.AsArray();
        foreach (var rule in rules.Where(rule => rule!["Properties"]!["Indicator"]!.GetValue<string>() == indicator).ToList())
        {
            rules.Remove(rule);
        }

        return node.ToJsonString();
    }

    private static Task<RuleSet> LoadAsync(IEnumerable<RuleFile> files) => RuleSet.LoadAsync(files, TestContext.Current.CancellationToken);

    private static async Task<IReadOnlyList<RuleFile>> RepositoryFilesAsync() =>
        await RuleFiles.ReadDirectoryAsync(Path.Combine(AppContext.BaseDirectory, "rules"), TestContext.Current.CancellationToken);
}
