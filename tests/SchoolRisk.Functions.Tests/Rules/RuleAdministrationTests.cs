using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Application.Recalculation;
using SchoolRisk.Application.Rules;
using SchoolRisk.Application.Views;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Rules;
using SchoolRisk.Testing;

namespace SchoolRisk.Functions.Tests.Rules;

/// <summary>Rule administration against a running app: hot reload, rejection of invalid or malicious files, rollback, preview.</summary>
public sealed class RuleAdministrationTests(DeploymentFixture fixture) : IClassFixture<DeploymentFixture>
{
    private static readonly Period Period = Period.Parse("2023-2024");

    private RuleStore Store => new(fixture.Deployment.Storage, TimeProvider.System);

    private RuleActivationWorkflow Workflow => RuleServices.Workflow(fixture.Deployment.Storage);

    [Fact]
    public async Task EditedFileInTheRulesContainer_IsUsedByTheRunningAppWithoutRestart_AndAudited()
    {
        var before = (await Store.ActiveAsync(TestContext.Current.CancellationToken))!.Version;

        await Store.WriteEditableAsync(await TestRules.EgeHighFromAsync(8), new RuleChange("Аналитик комитета", "ЕГЭ: высокий риск от 8%", "container"), TestContext.Current.CancellationToken);
        var active = await Poll.UntilAsync(() => Store.ActiveAsync(TestContext.Current.CancellationToken), a => a!.Version != before, "the edited rules to be activated");
        await fixture.Deployment.UploadAsync("2023-2024/kingiseppsky/schools.csv", "school_id,ege_below_min_share\nkingiseppsky-001,8.5\n");
        var result = await Poll.UntilAsync(() => ResultAsync("kingiseppsky", "kingiseppsky-001"), r => r is not null, "the upload's result");
        var audit = await Store.ListVersionsAsync(TestContext.Current.CancellationToken).FirstAsync(TestContext.Current.CancellationToken);

        Assert.Equal(active!.Version, result!.RuleSetVersion);
        Assert.Equal(Zone.High, result.Indicators["ege_below_min_share"].Zone);
        Assert.Equal((active.Version, "Аналитик комитета", "ЕГЭ: высокий риск от 8%", before), (audit.Version, audit.By, audit.Reason, audit.Previous));
        Assert.Equal((await TestRules.EgeHighFromAsync(8)).Select(f => f.Json), await Store.ReadVersionAsync(active.Version, TestContext.Current.CancellationToken).ContinueWith(t => t.Result.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => f.Json)));
    }

    [Theory]
    [InlineData("input1.GetType().Assembly.Location != null", "GetType", 1)]
    [InlineData("Enumerable.Range(0, int.MaxValue).Count() > 0", "Enumerable", 2)]
    [InlineData("input1.NoSuchIndicator >= threshold", "NoSuchIndicator", 3)]
    public async Task InvalidOrMaliciousFile_IsRejectedNamingFileAndRule_AndTheActiveVersionKeepsEvaluating(string expression, string named, int number)
    {
        var before = (await Store.ActiveAsync(TestContext.Current.CancellationToken))!.Version;
        var files = await RuleFiles.ReadDirectoryAsync(TestRules.Folder, TestContext.Current.CancellationToken);
        var broken = files.Select(f => f.Name == "exams.json" ? f with { Json = f.Json.Replace("input1.EgeBelowMinShare >= threshold", expression, StringComparison.Ordinal) } : f).ToList();

        await Store.WriteEditableAsync(broken, new RuleChange("test", "a broken edit", "container"), TestContext.Current.CancellationToken);
        var rejection = await ContainerRejections.OfAsync(Store, broken, "a broken edit");
        var school = $"tikhvinsky-00{number}";
        await fixture.Deployment.UploadAsync($"2023-2024/tikhvinsky/schools-{number}.csv", $"school_id,ege_below_min_share\n{school},12\n");
        var result = await Poll.UntilAsync(() => ResultAsync("tikhvinsky", school), r => r is not null, "an upload after the rejection");

        var problem = Assert.Single(rejection.Problems);
        Assert.StartsWith("exams.json, правило «ege_below_min_share.high»", problem, StringComparison.Ordinal);
        Assert.Contains(named, problem, StringComparison.Ordinal);
        Assert.Equal(before, rejection.ActiveVersion);
        Assert.Equal(before, (await Store.ActiveAsync(TestContext.Current.CancellationToken))!.Version);
        Assert.Equal(before, result!.RuleSetVersion);
    }

    [Fact]
    public async Task Rollback_ActivatesTheEarlierVersionAgain_AsANewAuditedActivation_AndTheContainerFollows()
    {
        var before = (await Store.ActiveAsync(TestContext.Current.CancellationToken))!.Version;
        var beforeFiles = await Store.ReadVersionAsync(before, TestContext.Current.CancellationToken);
        var changed = await Workflow.ActivateAsync(await TestRules.EgeHighFromAsync(7), new RuleChange("test", "try 7%", "cli"), TestContext.Current.CancellationToken);

        var rollback = await Workflow.ActivateAsync(beforeFiles, new RuleChange("test", "back to what it was", "rollback"), TestContext.Current.CancellationToken);
        await Store.WriteEditableAsync(beforeFiles, new RuleChange("test", "back to what it was", "rollback"), TestContext.Current.CancellationToken);
        var audit = await Store.ListVersionsAsync(TestContext.Current.CancellationToken).Take(2).ToListAsync(TestContext.Current.CancellationToken);
        var diff = RuleDiff.Lines(beforeFiles, await Store.ReadVersionAsync(changed.ActiveVersion!.Value, TestContext.Current.CancellationToken));

        Assert.Equal((RuleActivationOutcome.Activated, RuleActivationOutcome.Activated, before), (changed.Outcome, rollback.Outcome, rollback.ActiveVersion));
        Assert.Equal([(before, "rollback", changed.ActiveVersion), (changed.ActiveVersion, "cli", before)], audit.Select(a => ((RuleSetVersion?)a.Version, a.Source, a.Previous)));
        Assert.Equal(before, (await Store.ActiveAsync(TestContext.Current.CancellationToken))!.Version);
        Assert.Equal(before, (await RuleSet.LoadAsync((await Store.ReadEditableAsync(TestContext.Current.CancellationToken)).Files, TestContext.Current.CancellationToken)).Version);
        Assert.Contains("*** exams.json", diff);
        Assert.Contains(diff, line => line.Contains("+ ", StringComparison.Ordinal) && line.Contains("\"Threshold\": 7", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Preview_ListsExactlyTheSchoolsWhoseZoneChangesOnceTheCandidateIsActivatedAndRecalculated()
    {
        await fixture.Deployment.UploadAsync("2023-2024/priozersky/schools.csv", "school_id,ege_below_min_share\npriozersky-001,5.5\npriozersky-002,6.5\npriozersky-003,12\n");
        await Poll.UntilAsync(() => ResultsAsync(), results => results.Count(r => r.MunicipalityId.ToString() == "priozersky") == 3, "priozersky's results");
        await RecalculationsDrainedAsync();
        var candidate = await RuleSet.LoadAsync(await TestRules.EgeHighFromAsync(6), TestContext.Current.CancellationToken);
        var stored = await ResultsAsync();

        var preview = await RuleServices.Preview(fixture.Deployment.Storage)
            .CompareAsync(Period, candidate, TestContext.Current.CancellationToken);
        await Workflow.ActivateAsync(await TestRules.EgeHighFromAsync(6), new RuleChange("test", "ЕГЭ: высокий риск от 6%", "cli"), TestContext.Current.CancellationToken);
        await new QueueClient(fixture.Deployment.ConnectionString, QueueNames.PeriodRecalculations).SendMessageAsync(
            MessageJson.Serialize(new RecalculationRequest(Period, candidate.Version, TimeProvider.System.GetUtcNow())), TestContext.Current.CancellationToken);
        var after = await Poll.UntilAsync(() => ResultsAsync(), results => results.All(r => r.RuleSetVersion == candidate.Version), "the recalculation with the candidate");
        var changed = stored.Join(after, s => s.SchoolId, a => a.SchoolId, (s, a) => (s.MunicipalityId, s.SchoolId, Before: s.OverallZone, After: a.OverallZone))
            .Where(pair => pair.Before != pair.After).ToList();

        Assert.Equal(changed, preview.Select(c => (c.MunicipalityId, c.SchoolId, c.Before, c.After)));
        Assert.Contains(preview, c => c.SchoolId == SchoolId.Parse("priozersky-002") && c.After == Zone.High);
        Assert.DoesNotContain(preview, c => c.SchoolId == SchoolId.Parse("priozersky-003"));
    }

    [Fact]
    public async Task PreviewOverHttp_ListsTheSameChangesAsThePreview_WithTheAdministratorKeyOnly_AndNamesTheProblemsOfAnInvalidCandidate()
    {
        await fixture.Deployment.UploadAsync("2023-2024/lodeynopolsky/schools.csv", "school_id,ege_below_min_share\nlodeynopolsky-001,5.9\nlodeynopolsky-002,4\n");
        await Poll.UntilAsync(() => ResultsAsync(), results => results.Count(r => r.MunicipalityId.ToString() == "lodeynopolsky") == 2, "lodeynopolsky's results");
        await RecalculationsDrainedAsync();
        var adminKey = await fixture.Deployment.Keys.SetAsync("PreviewRules", AccessScope.RulesAdministratorKey, cancellationToken: TestContext.Current.CancellationToken);
        var defaultKey = await fixture.Deployment.Keys.GetAsync("PreviewRules", "default", TestContext.Current.CancellationToken);
        var exams = (await TestRules.EgeHighFromAsync(5.8m)).Single(f => f.Name == "exams.json");
        var active = await Store.ReadVersionAsync((await Store.ActiveAsync(TestContext.Current.CancellationToken))!.Version, TestContext.Current.CancellationToken);
        var expected = await RuleServices.Preview(fixture.Deployment.Storage)
            .CompareAsync(Period, await RuleSet.LoadAsync([.. active.Where(f => f.Name != "exams.json"), exams], TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = fixture.Deployment.HttpUrl };

        async Task<(HttpStatusCode Status, JsonElement Body)> PreviewAsync(string? key, string period, RuleFile file)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"api/rules/preview/{period}")
            {
                Content = new StringContent(JsonSerializer.Serialize(new { files = new Dictionary<string, string> { [file.Name] = file.Json } }), Encoding.UTF8, "application/json"),
            };
            if (key is not null)
            {
                request.Headers.Add("x-functions-key", key);
            }

            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            return (response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
        }

        var ok = await PreviewAsync(adminKey, "2023-2024", exams);
        var broken = await PreviewAsync(adminKey, "2023-2024", exams with { Json = exams.Json.Replace("input1.EgeBelowMinShare >= threshold", "input1.GetType() != null", StringComparison.Ordinal) });

        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.Equal(
            expected.Select(c => (c.MunicipalityId.ToString(), c.SchoolId.ToString(), JsonNamingPolicy.CamelCase.ConvertName($"{c.Before}"), JsonNamingPolicy.CamelCase.ConvertName($"{c.After}"))),
            ok.Body.GetProperty("changes").EnumerateArray().Select(c => (c.GetProperty("municipalityId").GetString()!, c.GetProperty("schoolId").GetString()!,
                c.GetProperty("before").GetString()!, c.GetProperty("after").GetString()!)));
        Assert.Contains(expected, c => c.SchoolId == SchoolId.Parse("lodeynopolsky-001") && c.After == Zone.High);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.Status);
        Assert.StartsWith("exams.json, правило «ege_below_min_share.high»", Assert.Single(broken.Body.GetProperty("problems").EnumerateArray()).GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PreviewAsync(null, "2023-2024", exams)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PreviewAsync(defaultKey, "2023-2024", exams)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PreviewAsync(adminKey, "2023", exams)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PreviewAsync(adminKey, "2023-2024", exams with { Name = "../exams.json" })).Status);
    }

    [Fact]
    public async Task ActivationAskingForReevaluation_NotifiesMunicipalitiesWhoseZonesTheRulesChanged_SayingTheRulesChanged()
    {
        var defaults = await RuleFiles.ReadDirectoryAsync(TestRules.Folder, TestContext.Current.CancellationToken);
        await Workflow.ActivateAsync(defaults, new RuleChange("test", "start from the defaults", "cli"), TestContext.Current.CancellationToken);
        await Store.WriteEditableAsync(defaults, new RuleChange("test", "start from the defaults", "cli"), TestContext.Current.CancellationToken);
        await fixture.Deployment.UploadAsync("2023-2024/volosovsky/schools.csv", "school_id,ege_below_min_share\nvolosovsky-001,7.5\nvolosovsky-002,3\n");
        await Poll.UntilAsync(() => ResultAsync("volosovsky", "volosovsky-002"), r => r is not null, "volosovsky's results");
        await RecalculationsDrainedAsync();
        var before = (await ResultAsync("volosovsky", "volosovsky-001"))!.OverallZone;

        await Store.WriteEditableAsync(await TestRules.EgeHighFromAsync(7.2m), new RuleChange("Аналитик", "ЕГЭ: высокий риск от 7,2%", "container", Period.ToString()), TestContext.Current.CancellationToken);
        var notice = await Poll.UntilAsync(
            () => new NotificationTable(fixture.Deployment.Storage, TimeProvider.System).ListAsync(Period, TestContext.Current.CancellationToken)
                .Where(n => n.MunicipalityId.ToString() == "volosovsky" && n.Kind == NoticeKind.RulesChanged).ToListAsync(TestContext.Current.CancellationToken).AsTask(),
            notices => notices.Count > 0, "volosovsky's rules-changed notice");
        var active = (await Store.ActiveAsync(TestContext.Current.CancellationToken))!.Version;
        var after = await ResultAsync("volosovsky", "volosovsky-001");

        Assert.NotEqual(Zone.High, before);
        Assert.Equal((Zone.High, active), (after!.OverallZone, after.RuleSetVersion));
        Assert.Equal((active, 1), (Assert.Single(notice).RuleSetVersion, notice[0].HighCount));
    }

    private async Task<StoredResult?> ResultAsync(string municipality, string school) =>
        await new ResultTable(fixture.Deployment.Storage, TimeProvider.System).ListAsync(Period, MunicipalityId.Parse(municipality), TestContext.Current.CancellationToken)
            .FirstOrDefaultAsync(r => r.SchoolId == SchoolId.Parse(school), TestContext.Current.CancellationToken);

    private async Task<List<StoredResult>> ResultsAsync() =>
        await new ResultTable(fixture.Deployment.Storage, TimeProvider.System).ListAsync(Period, TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);

    private async Task RecalculationsDrainedAsync() =>
        await Poll.UntilAsync(
            () => fixture.Deployment.Storage.PendingMessagesAsync(QueueNames.PeriodRecalculations, TestContext.Current.CancellationToken),
            pending => pending == 0, "recalculations to finish");
}
