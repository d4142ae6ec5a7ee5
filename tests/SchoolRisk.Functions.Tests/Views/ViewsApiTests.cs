using System.Net;
using System.Text.Json;
using SchoolRisk.Application.Views;
using SchoolRisk.Cli.Samples;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Rules;
using SchoolRisk.Storage.Uploads;
using SchoolRisk.Testing;

namespace SchoolRisk.Functions.Tests.Views;

/// <summary>
/// The view functions through the local host: answers checked against stored data (the schools' indicators with the
/// thresholds of the rule set version they were evaluated with), and every crossing of keys refused.
/// </summary>
public sealed class ViewsApiTests(DeploymentFixture fixture) : IClassFixture<DeploymentFixture>
{
    private static readonly Period Period = Period.Parse("2023-2024");

    [Fact]
    public async Task Views_MatchTheStoredData_AndAMunicipalitysKeySeesOnlyItsOwn()
    {
        foreach (var municipality in new[] { "kirovsky", "tosnensky" })
        {
            var file = Directory.EnumerateFiles(Path.Combine(TestDeployment.RepositoryRoot, "samples", "uploads", "2023-2024", municipality), "schools.*").Single();
            await using var content = File.OpenRead(file);
            await new UploadBlobs(fixture.Deployment.Storage).UploadAsync($"2023-2024/{municipality}/{Path.GetFileName(file)}", content, TestContext.Current.CancellationToken);
        }

        var uploads = await Poll.UntilAsync(
            () => new UploadStatusTable(fixture.Deployment.Storage).ListAsync(Period, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken).AsTask(),
            all => all.Count(u => u.Status == UploadStatus.Completed) == 2, "both uploads evaluated");
        var settled = uploads.Max(u => u.UpdatedAt);
        await Poll.UntilAsync(
            () => new RecalculationLock(fixture.Deployment.Storage, TimeProvider.System).LastStartedAsync(Period, TestContext.Current.CancellationToken),
            started => started > settled, "a recalculation begun after both uploads to finish");
        var stored = await ResultsAsync();
        var committee = await fixture.Deployment.Keys.SetAsync(null, AccessScope.CommitteeKey, cancellationToken: TestContext.Current.CancellationToken);
        var kirovsky = await fixture.Deployment.Keys.SetAsync(null, AccessScope.MunicipalityKeyPrefix + "kirovsky", cancellationToken: TestContext.Current.CancellationToken);
        await Poll.UntilAsync(() => GetAsync("notes/tosnensky/2023-2024", committee), r => r.Status == HttpStatusCode.OK, "tosnensky's analytical note");

        var map = (await GetAsync("map/2023-2024", committee)).Json;
        var ownMap = (await GetAsync("map/latest", kirovsky)).Json;
        var schools = (await GetAsync("municipalities/tosnensky/2023-2024", committee)).Json;
        var history = (await GetAsync("schools/kirovsky-001/history", kirovsky)).Json;
        var ranking = (await GetAsync("ranking/2023-2024", kirovsky)).Json;
        var note = await GetAsync("notes/kirovsky/2023-2024", kirovsky);
        var versions = (await GetAsync("rules/versions", committee)).Json;

        Assert.Equal(
            stored.GroupBy(r => r.MunicipalityId.ToString()).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Count(r => r.OverallZone == Zone.High), g.Count(r => r.OverallZone == Zone.Medium), g.Count(r => r.OverallZone == Zone.None))),
            map.GetProperty("municipalities").EnumerateArray().Select(m => (m.GetProperty("id").GetString()!, m.GetProperty("high").GetInt32(), m.GetProperty("medium").GetInt32(), m.GetProperty("none").GetInt32()))
                .OrderBy(m => m.Item1, StringComparer.Ordinal));
        Assert.Equal(["kirovsky"], ownMap.GetProperty("municipalities").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal("Кировский район", ownMap.GetProperty("municipalities")[0].GetProperty("name").GetString());
        // The upload panel's list: every municipality of the registry, data or not; a municipality's key, its own only.
        Assert.Equal(SampleRegion.Municipalities.Count, map.GetProperty("registered").GetArrayLength());
        Assert.Contains(map.GetProperty("registered").EnumerateArray(), m => m.GetProperty("id").GetString() == "volosovsky" && m.GetProperty("name").GetString() == "Волосовский район");
        Assert.Equal(["kirovsky"], ownMap.GetProperty("registered").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal(
            stored.Where(r => r.MunicipalityId.ToString() == "tosnensky").OrderByDescending(r => r.OverallZone).Select(r => (r.SchoolId.ToString(), r.OverallZone.ToKey())),
            schools.GetProperty("schools").EnumerateArray().Select(s => (s.GetProperty("schoolId").GetString()!, s.GetProperty("zone").GetString()!)));
        Assert.Contains(schools.GetProperty("schools").EnumerateArray(), s => s.GetProperty("zone").GetString() != "none");
        Assert.All(
            schools.GetProperty("schools").EnumerateArray().Concat(history.GetProperty("periods").EnumerateArray()),
            s => Assert.Equal(s.GetProperty("zone").GetString() != "none", s.GetProperty("zoneReasons").GetArrayLength() > 0));
        var first = schools.GetProperty("schools")[0];
        var storedFirst = stored.Single(r => r.SchoolId.ToString() == first.GetProperty("schoolId").GetString());
        var ege = first.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "ege_below_min_share");
        Assert.Equal(
            (storedFirst.Indicators["ege_below_min_share"].Value, storedFirst.Indicators["ege_below_min_share"].Zone.ToKey(), "Доля результатов ЕГЭ ниже минимального балла"),
            (ege.GetProperty("value").ValueKind == JsonValueKind.Null ? null : ege.GetProperty("value").GetDecimal(), ege.GetProperty("zone").GetString(), ege.GetProperty("title").GetString()));
        var active = (await new RuleStore(fixture.Deployment.Storage, TimeProvider.System).ActiveAsync(TestContext.Current.CancellationToken))!.Version;
        Assert.Equal(active, storedFirst.RuleSetVersion);
        Assert.Equal(active.ToString(), first.GetProperty("ruleSetVersion").GetString());
        Assert.Equal((5m, 10m, "percent", "%", "higher"), Thresholds(ege));
        Assert.Equal((95m, 90m, "percent", "%", "lower"), Thresholds(Indicator(first, "min_level_share")));
        Assert.Equal((null, null, "percent", "%", "lower"), Thresholds(Indicator(first, "high_level_share")));
        var period = history.GetProperty("periods")[0];
        Assert.Equal((5m, 10m, "percent", "%", "higher"), Thresholds(Indicator(period, "ege_below_min_share")));
        Assert.Equal(
            (active.ToString(), stored.Single(r => r.SchoolId == SchoolId.Parse("kirovsky-001")).Classification.UnfavourableConditions),
            (period.GetProperty("ruleSetVersion").GetString(), period.GetProperty("classification").GetProperty("unfavourableConditions").GetBoolean()));
        Assert.Equal(
            [("2023-2024", stored.Single(r => r.SchoolId == SchoolId.Parse("kirovsky-001")).OverallZone.ToKey())],
            history.GetProperty("periods").EnumerateArray().Select(p => (p.GetProperty("period").GetString()!, p.GetProperty("zone").GetString()!)));
        Assert.NotEqual(0, ranking.GetArrayLength());
        Assert.All(ranking.EnumerateArray(), entry => Assert.Equal("kirovsky", entry.GetProperty("municipalityId").GetString()));
        Assert.Equal(
            stored.Where(r => r.MunicipalityId.ToString() == "kirovsky" && r.Assessment.Rank is not null).Select(r => r.SchoolId.ToString()).Order(),
            ranking.EnumerateArray().Select(entry => entry.GetProperty("schoolId").GetString()).Order());
        Assert.Contains("Аналитическая справка: Кировский район, 2023-2024", note.Text, StringComparison.Ordinal);
        Assert.Equal((await new RuleStore(fixture.Deployment.Storage, TimeProvider.System).ActiveAsync(TestContext.Current.CancellationToken))!.Version.ToString(), versions.GetProperty("active").GetString());
    }

    [Theory]
    [InlineData("municipalities/tosnensky/2023-2024")]
    [InlineData("schools/tosnensky-001/history")]
    [InlineData("notes/tosnensky/2023-2024")]
    public async Task AMunicipalitysKey_IsRefusedAnotherMunicipalitysData(string path)
    {
        var kirovsky = await fixture.Deployment.Keys.SetAsync(null, AccessScope.MunicipalityKeyPrefix + "kirovsky", cancellationToken: TestContext.Current.CancellationToken);

        var response = await GetAsync(path, kirovsky);

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Contains("tosnensky", response.Json.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kirovsky-999")]
    [InlineData("-kirovsky-001")]
    public async Task ASchoolNotInTheRegistry_OrATextThatIsNoSchoolId_IsNotFound(string school)
    {
        var committee = await fixture.Deployment.Keys.SetAsync(null, AccessScope.CommitteeKey, cancellationToken: TestContext.Current.CancellationToken);

        var response = await GetAsync($"schools/{school}/history", committee);

        Assert.Equal((HttpStatusCode.NotFound, $"Школы «{school}» нет в реестре."), (response.Status, response.Json.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task ASchoolsIdInAnotherCase_IsItsHistory_InTheRegistrysSpelling()
    {
        var kirovsky = await fixture.Deployment.Keys.SetAsync(null, AccessScope.MunicipalityKeyPrefix + "kirovsky", cancellationToken: TestContext.Current.CancellationToken);

        var response = await GetAsync("schools/KIROVSKY-001/history", kirovsky);

        Assert.Equal((HttpStatusCode.OK, "kirovsky-001"), (response.Status, response.Json.GetProperty("schoolId").GetString()));
    }

    [Fact]
    public async Task NoKeyIs401_AndAKeyThatIsNeitherTheCommitteesNorAMunicipalitysSeesNothing()
    {
        var unnamed = await fixture.Deployment.Keys.GetAsync(null, "default", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("map/latest", null)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync("map/latest", unnamed)).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("site/", null)).Status);
    }

    private static JsonElement Indicator(JsonElement school, string id) =>
        school.GetProperty("indicators").EnumerateArray().Single(indicator => indicator.GetProperty("id").GetString() == id);

    private static (decimal? Medium, decimal? High, string Unit, string Symbol, string WorseWhen) Thresholds(JsonElement indicator) =>
        (Number(indicator.GetProperty("mediumThreshold")), Number(indicator.GetProperty("highThreshold")),
            indicator.GetProperty("unit").GetString()!, indicator.GetProperty("unitSymbol").GetString()!, indicator.GetProperty("worseWhen").GetString()!);

    private static decimal? Number(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDecimal();

    private Task<List<StoredResult>> ResultsAsync() =>
        new ResultTable(fixture.Deployment.Storage, TimeProvider.System).ListAsync(Period, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken).AsTask();

    [Fact]
    public async Task LatestMap_ForAMunicipalitysKey_IsTheNewestPeriodItHasData_NotAYearOnlyOthersReached()
    {
        // vsevolozhsky has 2022-2023 only; vyborgsky alone reaches 2024-2025, the region's newest (the other tests here use 2023-2024).
        foreach (var (period, municipality) in new[] { ("2022-2023", "vsevolozhsky"), ("2024-2025", "vyborgsky") })
        {
            var file = Directory.EnumerateFiles(Path.Combine(TestDeployment.RepositoryRoot, "samples", "uploads", period, municipality), "schools.*").Single();
            await using var content = File.OpenRead(file);
            await new UploadBlobs(fixture.Deployment.Storage).UploadAsync($"{period}/{municipality}/{Path.GetFileName(file)}", content, TestContext.Current.CancellationToken);
        }

        var committee = await fixture.Deployment.Keys.SetAsync(null, AccessScope.CommitteeKey, cancellationToken: TestContext.Current.CancellationToken);
        var vsevolozhsky = await fixture.Deployment.Keys.SetAsync(null, AccessScope.MunicipalityKeyPrefix + "vsevolozhsky", cancellationToken: TestContext.Current.CancellationToken);
        var vyborgsky = await fixture.Deployment.Keys.SetAsync(null, AccessScope.MunicipalityKeyPrefix + "vyborgsky", cancellationToken: TestContext.Current.CancellationToken);
        await Poll.UntilAsync(
            async () => (await GetAsync("map/latest", committee)).Json.GetProperty("municipalities").EnumerateArray().Any(m => m.GetProperty("id").GetString() == "vyborgsky"),
            shown => shown, "vyborgsky on the region's newest map");
        await Poll.UntilAsync(
            async () => (await GetAsync("map/2022-2023", committee)).Json.GetProperty("municipalities").EnumerateArray().Any(m => m.GetProperty("id").GetString() == "vsevolozhsky"),
            shown => shown, "vsevolozhsky on the 2022-2023 map");

        Assert.Equal("2024-2025", (await GetAsync("map/latest", committee)).Json.GetProperty("period").GetString());
        Assert.Equal("2024-2025", (await GetAsync("map/latest", vyborgsky)).Json.GetProperty("period").GetString());
        var own = (await GetAsync("map/latest", vsevolozhsky)).Json;
        Assert.Equal("2022-2023", own.GetProperty("period").GetString());
        Assert.Equal(["vsevolozhsky"], own.GetProperty("municipalities").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
    }

    private async Task<(HttpStatusCode Status, string Text, JsonElement Json)> GetAsync(string path, string? key)
    {
        using var http = new HttpClient { BaseAddress = fixture.Deployment.HttpUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/{path}");
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var json = response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return (response.StatusCode, text, json);
    }
}
