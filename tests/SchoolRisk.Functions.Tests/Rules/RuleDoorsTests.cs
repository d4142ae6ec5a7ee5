using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs.Models;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Application.Rules;
using SchoolRisk.Application.Views;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Evaluation.Shape;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Rules;
using SchoolRisk.Testing;

namespace SchoolRisk.Functions.Tests.Rules;

/// <summary>
/// The doors that change rules, through a running app: the <c>rules</c> container (whatever its files hold, a recorded
/// rejection, never a poison message; no block removed without <c>allowremoval</c>), an upload evaluated by a rule that
/// throws on one of its schools (reported, not failed), and the preview over HTTP (a rule that throws on the period's data
/// is a 422 naming it; a file removed is listed in <c>removed</c>).
/// </summary>
public sealed class RuleDoorsTests(DeploymentFixture fixture) : IClassFixture<DeploymentFixture>
{
    private static readonly Period Period = Period.Parse("2023-2024");

    /// <summary>Divides the ОГЭ share by itself once ЕГЭ is over the threshold: the default's zones on every test case, a division by zero where ОГЭ is 0.</summary>
    private const string ThrowingWhereOgeIsZero =
        "input1.EgeBelowMinShare >= threshold && (!input1.OgeFailShare.HasValue || input1.OgeFailShare.Value / input1.OgeFailShare.Value > 0)";

    private RuleStore Store => new(fixture.Deployment.Storage, TimeProvider.System);

    [Fact]
    public async Task RulesContainer_WhateverItsFilesHold_EachEditIsARecordedRejection_NothingIsPoisoned_AndTheActiveVersionStays()
    {
        var before = (await Store.ActiveAsync(TestContext.Current.CancellationToken))!.Version;
        var defaults = await DefaultsAsync();
        var container = fixture.Deployment.Storage.Blobs.GetBlobContainerClient(fixture.Deployment.Storage.Options.RulesContainer);
        var testCases = Replace(defaults, "staff.json", json => WithTestCases(json, 5));
        var notJson = Replace(testCases, "exams.json", _ => "{ not json");

        // Each edit with the files the container holds once it is written (by WriteEditableAsync, unless uploaded
        // otherwise): the edit's rejection is the one of that whole state.
        var edits = new (string Reason, IReadOnlyList<RuleFile> Container, Func<Task>? Upload)[]
        {
            // A shape no reader expects: the validation itself throws.
            ("TestCases: 5", testCases, null),
            // Nested deeper than the expression parser's stack survives: refused on its text, the handler never dies.
            ("deep", Replace(defaults, "exams.json", json => json.Replace("\"input1.EgeBelowMinShare >= threshold\"", $"\"{new string('(', 900)}input1.EgeBelowMinShare{new string(')', 900)} >= threshold\"", StringComparison.Ordinal)), null),
            // A 100 KB expression.
            ("long", Replace(defaults, "exams.json", json => json.Replace("\"input1.EgeBelowMinShare >= threshold\"", $"\"{string.Concat(Enumerable.Repeat("input1.EgeBelowMinShare >= threshold && ", 2_500))}true\"", StringComparison.Ordinal)), null),
            // Not JSON at all.
            ("not json", notJson, null),
            // A file far too large to be rules (not read, so the container's files read stay those of the edit before),
            // with metadata that cannot be decoded.
            ("b64:%%%reason", notJson, () => container.GetBlobClient("huge.json").UploadAsync(
                BinaryData.FromString("[" + new string(' ', (int)RuleSetLimits.MaxFileBytes) + "]"),
                new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["changedby"] = "b64:%%%", ["reason"] = "b64:%%%reason" } },
                TestContext.Current.CancellationToken)),
        };

        var rejections = new List<RuleRejection>();
        foreach (var (reason, files, upload) in edits)
        {
            if (upload is null)
            {
                await Store.WriteEditableAsync(files, new RuleChange("test", reason, "container"), TestContext.Current.CancellationToken);
            }
            else
            {
                await upload();
            }

            rejections.Add(await ContainerRejections.OfAsync(Store, files, reason));
        }

        await Store.WriteEditableAsync(defaults, new RuleChange("test", "restore", "container"), TestContext.Current.CancellationToken);

        Assert.Equal(0, await fixture.Deployment.Storage.PendingMessagesAsync(QueueNames.PoisonOf(QueueNames.RulesEvents), TestContext.Current.CancellationToken));
        Assert.Equal(before, (await Store.ActiveAsync(TestContext.Current.CancellationToken))!.Version);
        Assert.All(rejections, rejection => Assert.Equal(before, rejection.ActiveVersion));
        Assert.All(rejections, rejection => Assert.NotNull(rejection.ProblemsBlob));
        Assert.NotEmpty(rejections[0].Problems);
        Assert.StartsWith("exams.json, правило «ege_below_min_share.", Assert.Single(rejections[1].Problems), StringComparison.Ordinal);
        Assert.Contains("скобки вложены на 900 уровней, допустимо не больше 16", rejections[1].Problems[0], StringComparison.Ordinal);
        Assert.All(rejections[2].Problems, problem => Assert.Contains("допустимо не больше 1000", problem, StringComparison.Ordinal));
        Assert.Contains(rejections[3].Problems, problem => problem.StartsWith("exams.json", StringComparison.Ordinal));
        Assert.StartsWith("huge.json: файл занимает 256 КБ, допустимо не больше 256 КБ", Assert.Single(rejections[4].Problems), StringComparison.Ordinal);
        Assert.Equal(("b64:%%%", AuthorOrigin.Declared), (rejections[4].By, rejections[4].ByOrigin));
        Assert.Equal(0, fixture.Deployment.Worker.Restarts);
    }

    [Fact]
    public async Task RulesContainer_AFileDeletedWithoutLeave_IsRefusedNamingWhatWouldNoLongerBeEvaluated_WithAllowRemovalItIsActivated()
    {
        var before = (await Store.ActiveAsync(TestContext.Current.CancellationToken))!.Version;
        var defaults = await DefaultsAsync();
        var container = fixture.Deployment.Storage.Blobs.GetBlobContainerClient(fixture.Deployment.Storage.Options.RulesContainer);
        var edited = (await TestRules.EgeHighFromAsync(8)).Where(file => file.Name != "prevention.json").ToList();

        // Deleting a blob raises no event: the next edit of another file brings the deletion with it.
        await container.DeleteBlobAsync("prevention.json", cancellationToken: TestContext.Current.CancellationToken);
        await Store.WriteEditableAsync(edited, new RuleChange("Аналитик", "ЕГЭ 8% и без профилактики", "container"), TestContext.Current.CancellationToken);
        var refusal = await ContainerRejections.OfAsync(Store, edited, "ЕГЭ 8% и без профилактики");
        var exams = edited.Single(file => file.Name == "exams.json");
        await container.GetBlobClient("exams.json").UploadAsync(
            BinaryData.FromString(exams.Json),
            new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["changedby"] = "analyst", ["reason"] = "yes, without prevention", ["allowremoval"] = "true" } },
            TestContext.Current.CancellationToken);
        var activated = await Poll.UntilAsync(
            () => Store.ActiveAsync(TestContext.Current.CancellationToken), active => active!.Version == RuleSet.VersionOf(edited), "the allowed removal to be activated");
        await Store.WriteEditableAsync(defaults, new RuleChange("test", "restore", "container"), TestContext.Current.CancellationToken);
        await Poll.UntilAsync(() => Store.ActiveAsync(TestContext.Current.CancellationToken), active => active!.Version == before, "the defaults back");

        Assert.Equal(before, refusal.ActiveVersion);
        Assert.StartsWith("prevention.json, блок «prevention»: блока больше нет в правилах", refusal.Problems[0], StringComparison.Ordinal);
        Assert.Equal(RuleCandidateCheck.RemovalNote, refusal.Problems[^1]);
        var audit = await Store.ListVersionsAsync(TestContext.Current.CancellationToken).FirstAsync(v => v.Version == activated!.Version, TestContext.Current.CancellationToken);
        Assert.Equal(("analyst", AuthorOrigin.Declared, "container"), (audit.By, audit.ByOrigin, audit.Source));
    }

    [Fact]
    public async Task PreviewOverHttp_ARuleThrowingOnThePeriodsData_Is422NamingSchoolAndValue_AndARemovedFileIsListed()
    {
        await fixture.Deployment.UploadAsync("2023-2024/slantsevsky/schools.csv", "school_id,ege_below_min_share,oge_fail_share\nslantsevsky-001,15,0\nslantsevsky-002,2,1\n");
        await Poll.UntilAsync(
            () => new ResultTable(fixture.Deployment.Storage, TimeProvider.System).ListAsync(Period, MunicipalityId.Parse("slantsevsky"), TestContext.Current.CancellationToken).CountAsync(TestContext.Current.CancellationToken).AsTask(),
            count => count == 2, "slantsevsky's results");
        var key = await fixture.Deployment.Keys.SetAsync("PreviewRules", AccessScope.RulesAdministratorKey, cancellationToken: TestContext.Current.CancellationToken);
        var exams = WithExpression(await DefaultsAsync(), "exams.json", "ege_below_min_share.high", ThrowingWhereOgeIsZero).Single(file => file.Name == "exams.json");

        var (failing, failingBody) = await PreviewAsync(key, new Dictionary<string, object?> { ["exams.json"] = exams.Json });
        var (removing, removingBody) = await PreviewAsync(key, new Dictionary<string, object?> { ["prevention.json"] = null });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, failing);
        var problem = Assert.Single(failingBody.GetProperty("problems").EnumerateArray()).GetString()!;
        Assert.StartsWith("exams.json, правило «ege_below_min_share.high»: «", problem, StringComparison.Ordinal);
        Assert.Contains("деление на", problem, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, removing);
        Assert.Equal(
            [("workflow", "prevention"), ("indicator", "offences_per_1000")],
            removingBody.GetProperty("removed").EnumerateArray().Select(r => (r.GetProperty("kind").GetString(), r.GetProperty("name").GetString())));
        Assert.StartsWith("prevention.json, блок «prevention»", removingBody.GetProperty("removed")[0].GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PreviewAsync(string key, Dictionary<string, object?> files)
    {
        using var http = new HttpClient { BaseAddress = fixture.Deployment.HttpUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/rules/preview/{Period}")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { files }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-functions-key", key);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static List<RuleFile> Replace(IReadOnlyList<RuleFile> files, string name, Func<string, string> edit) =>
        [.. files.Select(file => file.Name == name ? file with { Json = edit(file.Json) } : file)];

    private static string WithTestCases(string json, int value)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node["TestCases"] = value;
        return node.ToJsonString();
    }

    private static List<RuleFile> WithExpression(IReadOnlyList<RuleFile> files, string fileName, string rule, string expression) =>
        Replace(files, fileName, json =>
        {
            var at = json.IndexOf($"\"RuleName\": \"{rule}\"", StringComparison.Ordinal);
            var start = json.IndexOf("\"Expression\": \"", at, StringComparison.Ordinal) + "\"Expression\": \"".Length;
            return json[..start] + expression + json[json.IndexOf('"', start)..];
        });

    private static Task<IReadOnlyList<RuleFile>> DefaultsAsync() =>
        RuleFiles.ReadDirectoryAsync(TestRules.Folder, TestContext.Current.CancellationToken);
}
