using SchoolRisk.Application.Rules;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Rubrics;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Municipalities;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Rubrics;
using SchoolRisk.Storage.Rules;
using SchoolRisk.Testing;

namespace SchoolRisk.Application.Tests.Rules;

/// <summary>
/// The activation every door goes through, against Azurite with a stored period: a candidate that throws on the latest
/// period's data, that removes a block without leave, or whose files make the validation itself throw is refused and
/// recorded, the active version staying; with leave a removal is activated; the preview reports the same as problems or
/// lists what would be removed.
/// </summary>
public sealed class RuleActivationWorkflowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly Period Latest = Period.Parse("2023-2024");

    /// <summary>Divides the ОГЭ share by itself once ЕГЭ is over the threshold: the same zones as the default on every test case, a division by zero where ОГЭ is 0.</summary>
    private const string ThrowingWhereOgeIsZero =
        "input1.EgeBelowMinShare >= threshold && (!input1.OgeFailShare.HasValue || input1.OgeFailShare.Value / input1.OgeFailShare.Value > 0)";

    private StorageAccount Storage => azurite.Storage;

    private RuleStore Store => new(Storage, TimeProvider.System);

    public async ValueTask InitializeAsync()
    {
        await Storage.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        if (await Store.ActiveAsync(TestContext.Current.CancellationToken) is not null)
        {
            return;
        }

        await using var registry = File.OpenRead(Path.Combine(TestDeployment.RepositoryRoot, "samples", "registry", "schools.csv"));
        await new SchoolRegistryBlob(Storage).UploadAsync(registry, TestContext.Current.CancellationToken);
        var defaults = await DefaultsAsync();
        await RuleActivationWorkflow.SeedAsync(Store, defaults, TestContext.Current.CancellationToken);
        var ruleSet = await RuleSet.LoadAsync(defaults, TestContext.Current.CancellationToken);

        // The latest period: Gatchina's schools, one with ОГЭ at 0 and ЕГЭ over the threshold; an older period without such a school.
        await StoreSchoolsAsync(ruleSet, Latest, [(1, 12m, 0m), (2, 3m, 4m), (3, 1m, 2m)]);
        await StoreSchoolsAsync(ruleSet, Latest.Previous, [(1, 12m, 3m)]);
        var youngTeachers = ruleSet.Rubrics["young_teachers"];
        await new RubricTable(Storage, TimeProvider.System).UpsertAsync(
            new UploadPath(Latest, MunicipalityId.Parse("gatchinsky"), "rubrics.csv", UploadKind.Rubrics), TestIds.Upload("u-rubrics"), ruleSet.Version,
            [new RubricResult(youngTeachers.Id, youngTeachers.Level, "gatchinsky", "Гатчинский район", new RubricScores([2, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0]), youngTeachers.MaxScore, youngTeachers.Bands[0])],
            TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Activate_ARuleThatThrowsOnTheLatestPeriodsData_IsRefusedNamingRuleSchoolAndValue_AndTheActiveVersionStays()
    {
        var before = (await Store.ActiveAsync(TestContext.Current.CancellationToken))!.Version;
        var candidate = WithExpression(await DefaultsAsync(), "exams.json", "ege_below_min_share.high", ThrowingWhereOgeIsZero);

        var activation = await RuleServices.Workflow(Storage).ActivateAsync(candidate, new RuleChange("Аналитик", "ЕГЭ: учитывать ОГЭ", "cli"), TestContext.Current.CancellationToken);
        var recorded = await Store.ListRejectionsAsync(TestContext.Current.CancellationToken).FirstAsync(TestContext.Current.CancellationToken);

        var problem = Assert.Single(activation.Problems);
        Assert.Equal(RuleActivationOutcome.Rejected, activation.Outcome);
        // The expression is refused before the data is read: the validation proves each expression cannot throw (the
        // check on the latest period's data stays behind it for what a proof cannot see).
        Assert.StartsWith("exams.json, правило «ege_below_min_share.high»: «", problem, StringComparison.Ordinal);
        Assert.Contains("деление на", problem, StringComparison.Ordinal);
        Assert.Equal(before, (await Store.ActiveAsync(TestContext.Current.CancellationToken))!.Version);
        Assert.Equal((before, "Аналитик", AuthorOrigin.Declared), (recorded.ActiveVersion, recorded.By, recorded.ByOrigin));
        Assert.Equal([problem], recorded.Problems);
    }

    [Fact]
    public async Task Activate_ABandRuleThatThrowsOnAStoredRubricScore_IsRefusedNamingTheRubricRuleAndTotal()
    {
        var candidate = (await DefaultsAsync()).Select(file => file.Name != "rubric-young-teachers.json" ? file : file with
        {
            Json = file.Json.Replace("\"input1.Total >= from && input1.Total <= to\"", "\"input1.Total >= from && input1.Total <= to && 10 / (input1.Total - 5) > -100\"", StringComparison.Ordinal),
        }).ToList();

        var activation = await RuleServices.Workflow(Storage).ActivateAsync(candidate, new RuleChange("test", "rubric", "cli"), TestContext.Current.CancellationToken);

        Assert.Equal(RuleActivationOutcome.Rejected, activation.Outcome);
        Assert.StartsWith("rubric-young-teachers.json, правило «low»: «", Assert.Single(activation.Problems), StringComparison.Ordinal);
        Assert.Contains("деление на", activation.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activate_ARuleFileRemoved_IsRefusedNamingWhatWouldNoLongerBeEvaluated_UnlessAllowed()
    {
        var before = (await Store.ActiveAsync(TestContext.Current.CancellationToken))!.Version;
        var candidate = (await DefaultsAsync()).Where(file => file.Name != "prevention.json").ToList();

        var refused = await RuleServices.Workflow(Storage).ActivateAsync(candidate, new RuleChange("test", "без профилактики", "cli"), TestContext.Current.CancellationToken);
        var allowed = await RuleServices.Workflow(Storage).ActivateAsync(candidate, new RuleChange("test", "без профилактики", "cli") { AllowRemoval = true }, TestContext.Current.CancellationToken);
        var back = await RuleServices.Workflow(Storage).ActivateAsync(await DefaultsAsync(), new RuleChange("test", "обратно", "rollback"), TestContext.Current.CancellationToken);

        Assert.Equal(RuleActivationOutcome.Rejected, refused.Outcome);
        Assert.Equal(before, refused.ActiveVersion);
        Assert.StartsWith("prevention.json, блок «prevention»: блока больше нет в правилах; не будут оцениваться показатели offences_per_1000", refused.Problems[0], StringComparison.Ordinal);
        Assert.StartsWith("prevention.json, показатель offences_per_1000", refused.Problems[1], StringComparison.Ordinal);
        Assert.Equal(RuleCandidateCheck.RemovalNote, refused.Problems[^1]);
        Assert.Equal(RuleActivationOutcome.Activated, allowed.Outcome);
        Assert.Equal((RuleActivationOutcome.Activated, before), (back.Outcome, back.ActiveVersion));
    }

    [Fact]
    public async Task Activate_FilesThatMakeTheValidationItselfThrow_AreARecordedRejection_NotAnException()
    {
        var before = (await Store.ActiveAsync(TestContext.Current.CancellationToken))!.Version;
        var candidate = (await DefaultsAsync()).Select(file => file.Name == "staff.json" ? file with { Json = WithTestCasesANumber(file.Json) } : file).ToList();

        var activation = await RuleServices.Workflow(Storage).ActivateAsync(candidate, new RuleChange("test", "сломанные примеры", "container"), TestContext.Current.CancellationToken);

        Assert.Equal((RuleActivationOutcome.Rejected, before), (activation.Outcome, activation.ActiveVersion));
        Assert.NotEmpty(activation.Problems);
        Assert.NotNull(activation.ProblemsBlob);
    }

    [Fact]
    public async Task Preview_ARuleThatThrowsOnThePeriod_IsProblems_AndABlockRemovedIsListedNotRefused()
    {
        var defaults = await DefaultsAsync();
        var throwing = WithExpression(defaults, "exams.json", "ege_below_min_share.high", ThrowingWhereOgeIsZero);
        var withoutStaff = defaults.Where(file => file.Name != "staff.json").ToList();
        var preview = RuleServices.Preview(Storage);

        var failing = await preview.PreviewAsync(Latest, throwing, defaults, TestContext.Current.CancellationToken);
        var olderPeriod = await preview.PreviewAsync(Latest.Previous, throwing, defaults, TestContext.Current.CancellationToken);
        var removing = await preview.PreviewAsync(Latest, withoutStaff, defaults, TestContext.Current.CancellationToken);

        Assert.Contains("деление на", Assert.Single(failing.Problems), StringComparison.Ordinal);
        Assert.Empty(failing.Changes);
        Assert.Equal(failing.Problems, olderPeriod.Problems);
        Assert.Empty(removing.Problems);
        Assert.Equal(3, removing.SchoolsEvaluated);
        Assert.Equal([(RuleSetRemovalKind.Workflow, "staff"), (RuleSetRemovalKind.Indicator, "teachers_top_category_share")], removing.Removed.Select(removal => (removal.Kind, removal.Name)));
    }

    private async Task StoreSchoolsAsync(RuleSet ruleSet, Period period, IReadOnlyList<(int Number, decimal Ege, decimal Oge)> schools)
    {
        var evaluator = new SchoolEvaluator(ruleSet, OverallZonePolicy.Default);
        var upload = new EvaluatedUpload(
            new UploadPath(period, MunicipalityId.Parse("gatchinsky"), "schools.csv"), TestIds.Upload($"u-{period}"), ruleSet.Version,
            [.. schools.Select(school => evaluator.EvaluateMarkingFailures(new SchoolRow(
                school.Number + 1, SchoolId.Parse($"gatchinsky-{school.Number:000}"), $"МОУ «Гатчинская СОШ № {school.Number}»",
                new SchoolIndicators { EgeBelowMinShare = school.Ege, OgeFailShare = school.Oge })))]);
        await new ResultTable(Storage, TimeProvider.System).UpsertAsync(upload, TestContext.Current.CancellationToken);
        await new MunicipalityTable(Storage, TimeProvider.System).UpdateAsync(period, MunicipalityId.Parse("gatchinsky"), _ => MunicipalSummary.Of(upload), TestContext.Current.CancellationToken);
    }

    private static List<RuleFile> WithExpression(IReadOnlyList<RuleFile> files, string fileName, string rule, string expression) =>
        [.. files.Select(file =>
        {
            if (file.Name != fileName)
            {
                return file;
            }

            var at = file.Json.IndexOf($"\"RuleName\": \"{rule}\"", StringComparison.Ordinal);
            var start = file.Json.IndexOf("\"Expression\": \"", at, StringComparison.Ordinal) + "\"Expression\": \"".Length;
            return file with { Json = file.Json[..start] + expression + file.Json[file.Json.IndexOf('"', start)..] };
        })];

    /// <summary>The file with its <c>TestCases</c> array replaced by the number 5 (a shape no reader expects).</summary>
    private static string WithTestCasesANumber(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node["TestCases"] = 5;
        return node.ToJsonString();
    }

    private static Task<IReadOnlyList<RuleFile>> DefaultsAsync() =>
        RuleFiles.ReadDirectoryAsync(TestRules.Folder, TestContext.Current.CancellationToken);
}
