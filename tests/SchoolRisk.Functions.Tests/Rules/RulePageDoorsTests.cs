using System.Net;
using System.Text;
using System.Text.Json;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Application.Rules;
using SchoolRisk.Application.Views;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Rules;
using SchoolRisk.Testing;

namespace SchoolRisk.Functions.Tests.Rules;

/// <summary>
/// The administrator's page doors over HTTP (<c>RulesInForce</c>, <c>CheckRules</c>, <c>ActivateRules</c>,
/// <c>RollbackRules</c>, <c>RuleDiff</c>): a number edited in the table is checked, activated with a reason and a period
/// re-evaluated, audited with the key's name, rolled back as a new activation; a bad edit never becomes active.
/// </summary>
public sealed class RulePageDoorsTests(DeploymentFixture fixture) : IClassFixture<DeploymentFixture>
{
    private static readonly Period Period = Period.Parse("2023-2024");

    private static readonly object LowerEgeHigh = new { file = "exams.json", rule = "ege_below_min_share.high", key = "Threshold", value = 7 };

    private RuleStore Store => new(fixture.Deployment.Storage, TimeProvider.System);

    [Fact]
    public async Task AnEditedThreshold_IsChecked_Activated_ReevaluatesThePeriod_IsAudited_AndRollsBack()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var defaults = await RuleFiles.ReadDirectoryAsync(TestRules.Folder, cancellationToken);
        await RuleServices.Workflow(fixture.Deployment.Storage).ActivateAndKeepInContainerAsync(defaults, new RuleChange("test", "start from the defaults", "cli"), cancellationToken);
        await fixture.Deployment.UploadAsync("2023-2024/volosovsky/schools.csv", "school_id,ege_below_min_share\nvolosovsky-001,7.5\nvolosovsky-002,3\n");
        await Poll.UntilAsync(() => ResultAsync("volosovsky-002"), r => r is not null, "volosovsky's results");
        await RecalculationsDrainedAsync();
        var before = (await Store.ActiveAsync(cancellationToken))!.Version;
        var key = await AdminKeyAsync();

        var table = await SendAsync(HttpMethod.Get, "api/rules", key);
        var check = await SendAsync(HttpMethod.Post, "api/rules/check", key, new { edits = new[] { LowerEgeHigh } });
        var activated = await SendAsync(HttpMethod.Post, "api/rules/activate", key, new { edits = new[] { LowerEgeHigh }, reason = "ЕГЭ: высокий риск от 7%", by = "Иванова", reevaluate = "2023-2024" });
        var version = activated.Body.GetProperty("version").GetString()!;
        var reevaluated = await Poll.UntilAsync(() => ResultAsync("volosovsky-001"), r => r!.RuleSetVersion.ToString() == version, "volosovsky-001 re-evaluated with the new version");
        var inForce = await SendAsync(HttpMethod.Get, "api/rules", key);
        var history = await SendAsync(HttpMethod.Get, "api/rules/versions", key);
        var diff = await SendAsync(HttpMethod.Get, $"api/rules/diff/{before}/{version}", key);
        var container = (await Store.ReadEditableAsync(cancellationToken)).Files;
        var rolledBack = await SendAsync(HttpMethod.Post, "api/rules/rollback", key, new { version = before.ToString(), reason = "вернуть 10%" });

        Assert.Equal(HttpStatusCode.OK, table.Status);
        Assert.Equal(before.ToString(), table.Body.GetProperty("active").GetProperty("version").GetString());
        Assert.Equal(10, Indicator(table.Body, "ege_below_min_share").GetProperty("high").GetProperty("threshold").GetDecimal());
        Assert.True(check.Body.GetProperty("valid").GetBoolean(), check.Body.ToString());
        Assert.Equal(["exams.json"], check.Body.GetProperty("changed").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.Equal(version, check.Body.GetProperty("version").GetString());
        Assert.Equal((HttpStatusCode.OK, "activated"), (activated.Status, activated.Body.GetProperty("outcome").GetString()));
        Assert.Equal(Zone.High, reevaluated!.OverallZone);
        Assert.Equal(version, inForce.Body.GetProperty("active").GetProperty("version").GetString());
        Assert.Equal(7, Indicator(inForce.Body, "ege_below_min_share").GetProperty("high").GetProperty("threshold").GetDecimal());
        var audit = history.Body.GetProperty("versions")[0];
        Assert.Equal(("Иванова (ключ rules-admin)", "functionKey", "ЕГЭ: высокий риск от 7%", "page", before.ToString()),
            (audit.GetProperty("by").GetString(), audit.GetProperty("byOrigin").GetString(), audit.GetProperty("reason").GetString(), audit.GetProperty("source").GetString(), audit.GetProperty("previous").GetString()));
        var examsDiff = Assert.Single(diff.Body.GetProperty("files").EnumerateArray());
        Assert.Equal(("exams.json", "changed"), (examsDiff.GetProperty("name").GetString(), examsDiff.GetProperty("change").GetString()));
        Assert.Contains(examsDiff.GetProperty("lines").EnumerateArray(), l => l.GetProperty("kind").GetString() == "added" && l.GetProperty("text").GetString()!.Contains("\"Threshold\": 7", StringComparison.Ordinal));
        Assert.Contains(
            container,
            f => f.Name == "exams.json" && f.Json.Contains("\"Threshold\": 7", StringComparison.Ordinal));
        Assert.Equal((HttpStatusCode.OK, "activated", before.ToString()), (rolledBack.Status, rolledBack.Body.GetProperty("outcome").GetString(), rolledBack.Body.GetProperty("version").GetString()));
        Assert.Equal(before, (await Store.ActiveAsync(cancellationToken))!.Version);
        Assert.Equal("rollback", (await Store.ListVersionsAsync(cancellationToken).FirstAsync(cancellationToken)).Source);
    }

    [Fact]
    public async Task ABadEdit_IsNamedByFileAndRule_RefusedAndRecorded_AndTheVersionInForceStays()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var key = await AdminKeyAsync();
        var before = (await Store.ActiveAsync(cancellationToken))!.Version;
        var belowMedium = new { file = "exams.json", rule = "ege_below_min_share.high", key = "Threshold", value = 4 };
        var broken = new Dictionary<string, string> { ["exams.json"] = "{ \"WorkflowName\": \"exams\", \"Rules\": [ { \"RuleName\": \"x\", \"Properties\": { \"Indicator\": \"no_such\", \"Zone\": \"high\", \"Threshold\": 1 }, \"Expression\": \"input1.GetType() != null\" } ] }" };

        var check = await SendAsync(HttpMethod.Post, "api/rules/check", key, new { edits = new[] { belowMedium } });
        var checkBroken = await SendAsync(HttpMethod.Post, "api/rules/check", key, new { files = broken });
        var activate = await SendAsync(HttpMethod.Post, "api/rules/activate", key, new { edits = new[] { belowMedium }, reason = "опечатка" });
        var noReason = await SendAsync(HttpMethod.Post, "api/rules/activate", key, new { edits = new[] { LowerEgeHigh } });
        var noSuchRule = await SendAsync(HttpMethod.Post, "api/rules/check", key, new { edits = new[] { new { file = "exams.json", rule = "nope", key = "Threshold", value = 1 } } });
        var unknownVersion = await SendAsync(HttpMethod.Post, "api/rules/rollback", key, new { version = "0123456789ab", reason = "назад" });
        var history = await SendAsync(HttpMethod.Get, "api/rules/versions", key);
        var huge = await SendAsync(HttpMethod.Post, "api/rules/check", key, new { files = new Dictionary<string, string> { ["exams.json"] = new string(' ', 51 * 1024 * 1024) } });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.Status);
        Assert.Contains("столько правил не бывает", huge.Body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.False(check.Body.GetProperty("valid").GetBoolean());
        Assert.Contains(check.Body.GetProperty("problems").EnumerateArray(), p => p.GetProperty("file").GetString() == "exams.json" && p.GetProperty("text").GetString()!.Contains("ровно 5, средний риск", StringComparison.Ordinal));
        Assert.False(checkBroken.Body.GetProperty("valid").GetBoolean());
        Assert.Contains(checkBroken.Body.GetProperty("problems").EnumerateArray(), p => p.GetProperty("file").GetString() == "exams.json" && p.GetProperty("rule").GetString() == "x");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, activate.Status);
        Assert.Contains(activate.Body.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("ровно 5, средний риск", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Contains("причину", noReason.Body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("правила «nope» в файле нет", Assert.Single(noSuchRule.Body.GetProperty("problems").EnumerateArray()).GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownVersion.Status);
        Assert.Equal(before, (await Store.ActiveAsync(cancellationToken))!.Version);
        var rejection = history.Body.GetProperty("rejections")[0];
        Assert.Equal(("опечатка", before.ToString()), (rejection.GetProperty("reason").GetString(), rejection.GetProperty("activeVersion").GetString()));
    }

    [Fact]
    public async Task OnlyTheRulesAdministratorsKeyAndTheMasterKey_ReachTheRuleDoors()
    {
        var committee = await fixture.Deployment.Keys.SetAsync(null, AccessScope.CommitteeKey, cancellationToken: TestContext.Current.CancellationToken);
        var municipality = await fixture.Deployment.Keys.SetAsync(null, AccessScope.MunicipalityKeyPrefix + "luzhsky", cancellationToken: TestContext.Current.CancellationToken);
        var master = await fixture.Deployment.Keys.GetAsync(null, SchoolRisk.LocalHost.Keys.FunctionKeyStore.MasterKeyName, TestContext.Current.CancellationToken);

        foreach (var key in new[] { committee, municipality })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Get, "api/rules", key)).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, "api/rules/check", key, new { edits = new[] { LowerEgeHigh } })).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, "api/rules/activate", key, new { edits = new[] { LowerEgeHigh }, reason = "x" })).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, "api/rules/rollback", key, new { version = "0123456789ab", reason = "x" })).Status);
        }

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "api/rules", master)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "api/rules", null)).Status);
    }

    private static JsonElement Indicator(JsonElement view, string id) =>
        view.GetProperty("table").GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);

    private async Task<string> AdminKeyAsync() =>
        await fixture.Deployment.Keys.SetAsync(null, AccessScope.RulesAdministratorKey, cancellationToken: TestContext.Current.CancellationToken);

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? key, object? body = null)
    {
        using var http = new HttpClient { BaseAddress = fixture.Deployment.HttpUrl };
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    private async Task<StoredResult?> ResultAsync(string school) =>
        await new ResultTable(fixture.Deployment.Storage, TimeProvider.System).ListAsync(Period, MunicipalityId.Parse("volosovsky"), TestContext.Current.CancellationToken)
            .FirstOrDefaultAsync(r => r.SchoolId == SchoolId.Parse(school), TestContext.Current.CancellationToken);

    private async Task RecalculationsDrainedAsync() =>
        await Poll.UntilAsync(
            () => fixture.Deployment.Storage.PendingMessagesAsync(QueueNames.PeriodRecalculations, TestContext.Current.CancellationToken),
            pending => pending == 0, "recalculations to finish");
}
