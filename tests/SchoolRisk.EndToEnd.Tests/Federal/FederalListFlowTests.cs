using System.Net;
using System.Text;
using System.Text.Json;
using SchoolRisk.Application.Views;
using SchoolRisk.Cli;
using SchoolRisk.Domain.Federal;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Federal;
using SchoolRisk.Storage.Reports;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Uploads;
using SchoolRisk.Testing;

namespace SchoolRisk.EndToEnd.Tests.Federal;

/// <summary>
/// The committee's federal list through the local host, as it arrives in Azure: the file saved to
/// <c>registry/federal/{period}/</c>, Event Grid's BlobCreated on <c>registry-events</c>, <c>RegistryChanged</c> checks
/// and stores it; <c>GET /api/federal/{period}</c> shows it beside the regional group, a municipality's key sees only its
/// own; the digest gains its section; a file that cannot be read is reported and the stored list stays, nothing poisoned;
/// the committee gets a letter about each file with problems, naming the rows.
/// </summary>
public sealed class FederalListFlowTests
{
    private static readonly Period Period = Period.Parse("2023-2024");

    [Fact]
    public async Task FederalFile_IsCheckedAndStored_TheDoorShowsTheDisagreement_AMunicipalitySeesItsOwnOnly_TheDigestHasTheSection()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var deployment = await TestDeployment.StartAsync();
        var results = await EvaluatedAsync(deployment, ["kirovsky", "tosnensky"]);
        var low = results.Where(r => r.Classification.LowResults).ToList();
        var notLow = results.Where(r => !r.Classification.LowResults).ToList();
        Assert.True(low.Count >= 2, $"the sample uploads put at least two schools in the regional group (found {low.Count})");
        // On the federal list: one school of the regional group (both) and one outside it (federal only); every other school of the group is regional only.
        var both = low[0];
        var federalOnly = notLow.First(r => r.MunicipalityId.ToString() == "kirovsky");
        var csv = string.Join("\r\n",
            "Код ОО;Наименование ОО;В федеральном перечне ШНОР;Низкая оснащённость школы;Дефицит педагогических кадров",
            both.SchoolId + ";;да;высокий;средний",
            federalOnly.SchoolId + ";;да;;низкий",
            low[1].SchoolId + ";;нет;низкий;",
            "kirovsky-999;;да;высокий;высокий");

        var file = await UploadAsync(deployment, "perechen.csv", csv);
        var stored = await Poll.UntilAsync(() => new FederalListTable(deployment.Storage).ReadAsync(Period, cancellationToken), list => list is not null, "the federal list stored");
        var report = await ReportAsync(deployment, file);

        Assert.Equal(
            [(both.SchoolId.ToString(), true), (federalOnly.SchoolId.ToString(), true), (low[1].SchoolId.ToString(), false)],
            stored!.Schools.Select(s => (s.SchoolId.ToString(), s.OnList)).OrderByDescending(s => s.OnList).ThenBy(s => s.Item1 == both.SchoolId.ToString() ? 0 : 1));
        Assert.Equal(FederalRiskLevel.High, stored.Schools.Single(s => s.SchoolId == both.SchoolId).Profile["low_equipment"]);
        Assert.Equal("perechen.csv", stored.FileName);
        Assert.Contains("строка 5, столбец «Код ОО»: школы «kirovsky-999» нет в реестре школ", report, StringComparison.Ordinal);
        Assert.Contains("принят: учтено строк — 3 из 4, школ в федеральном перечне — 2; строки с ошибками не учтены.", report, StringComparison.Ordinal);

        var committee = await deployment.Keys.SetAsync(null, AccessScope.CommitteeKey, cancellationToken: cancellationToken);
        var kirovsky = await deployment.Keys.SetAsync(null, AccessScope.MunicipalityKeyPrefix + "kirovsky", cancellationToken: cancellationToken);
        var region = await GetAsync(deployment, "federal/2023-2024", committee);
        var own = await GetAsync(deployment, "federal/2023-2024", kirovsky);
        var other = await GetAsync(deployment, "federal/2023-2024?municipality=tosnensky", kirovsky);
        var none = await GetAsync(deployment, "federal/2022-2023", committee);

        Assert.Equal(HttpStatusCode.OK, region.Status);
        Assert.Equal((2, low.Count), (region.Json.GetProperty("federalCount").GetInt32(), region.Json.GetProperty("regionalCount").GetInt32()));
        Assert.Equal([federalOnly.SchoolId.ToString()], Ids(region.Json, "federalOnly"));
        Assert.Equal([both.SchoolId.ToString()], Ids(region.Json, "both"));
        Assert.Equal(low.Skip(1).Select(r => r.SchoolId.ToString()).Order(StringComparer.Ordinal), Ids(region.Json, "regionalOnly").Order(StringComparer.Ordinal));
        Assert.Equal("Кировский район", region.Json.GetProperty("federalOnly")[0].GetProperty("municipalityName").GetString());
        var profiled = region.Json.GetProperty("schools").EnumerateArray().Single(s => s.GetProperty("schoolId").GetString() == both.SchoolId.ToString());
        Assert.Equal(("high", "medium", true), (
            profiled.GetProperty("profile").GetProperty("low_equipment").GetString(), profiled.GetProperty("profile").GetProperty("teacher_shortage").GetString(),
            profiled.GetProperty("inRegionalGroup").GetBoolean()));
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Equal("kirovsky", own.Json.GetProperty("municipalityId").GetString());
        Assert.All(own.Json.GetProperty("schools").EnumerateArray().Concat(own.Json.GetProperty("regionalOnly").EnumerateArray()).Concat(own.Json.GetProperty("both").EnumerateArray()),
            s => Assert.Equal("kirovsky", s.GetProperty("municipalityId").GetString()));
        Assert.Equal(low.Count(r => r.MunicipalityId.ToString() == "kirovsky"), own.Json.GetProperty("regionalCount").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, other.Status);
        Assert.Contains("tosnensky", other.Json.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, "Федеральный перечень ШНОР за 2022-2023 не загружен."), (none.Status, none.Json.GetProperty("error").GetString()));

        var digest = await Poll.UntilAsync(
            async () => (await deployment.Mail.ListAsync(cancellationToken)).FirstOrDefault(l => l.Subject.StartsWith("Сводка по зонам риска за 2023-2024", StringComparison.Ordinal)
                && l.Text?.Contains("Федеральный перечень ШНОР", StringComparison.Ordinal) == true),
            letter => letter is not null, "the committee's digest with the federal section", TimeSpan.FromSeconds(120));
        Assert.Contains($"В федеральном перечне — 2, в региональной группе ШНОР — {low.Count}, в обоих — 1.", digest?.Text, StringComparison.Ordinal);
        Assert.Contains($"{federalOnly.SchoolId} {federalOnly.SchoolName}", digest!.Text, StringComparison.Ordinal);

        var broken = await UploadAsync(deployment, "perechen-2.csv", "Код ОО;Наименование ОО\r\nkirovsky-001;школа\r\n");
        var refused = await ReportAsync(deployment, broken);
        var after = await new FederalListTable(deployment.Storage).ReadAsync(Period, cancellationToken);

        Assert.Contains("нет столбца «on_federal_list»", refused, StringComparison.Ordinal);
        Assert.Contains("Этот файл не принят: за 2023-2024 действует перечень «perechen.csv»", refused, StringComparison.Ordinal);
        Assert.Equal(("perechen.csv", 3), (after!.FileName, after.Schools.Count));
        var letters = await Poll.UntilAsync(
            async () => (await deployment.Mail.ListAsync(cancellationToken)).Where(l => l.Subject.StartsWith("Федеральный перечень ШНОР за 2023-2024", StringComparison.Ordinal)).ToList(),
            found => found.Count == 2, "the committee's two letters about the federal files", TimeSpan.FromSeconds(120));
        var rowsRefused = letters.Single(l => l.Subject.Contains("«perechen.csv»", StringComparison.Ordinal));
        Assert.Equal("Федеральный перечень ШНОР за 2023-2024 «perechen.csv»: строк с ошибками — 1, они не учтены", rowsRefused.Subject);
        Assert.Contains("школы «kirovsky-999» нет в реестре школ", rowsRefused.Text, StringComparison.Ordinal);
        Assert.Contains("schoolrisk federal put", rowsRefused.Text, StringComparison.Ordinal);
        Assert.Equal(
            "Федеральный перечень ШНОР за 2023-2024 «perechen-2.csv» не может быть использован",
            letters.Single(l => l.Subject.Contains("«perechen-2.csv»", StringComparison.Ordinal)).Subject);
        await Poll.UntilAsync(() => deployment.Storage.PendingMessagesAsync("registry-events", cancellationToken), count => count == 0, "registry-events drained");
        Assert.Equal(0, await deployment.Storage.PendingMessagesAsync("registry-events-poison", cancellationToken));
    }

    private static async Task<List<StoredResult>> EvaluatedAsync(LocalDeployment deployment, string[] municipalities)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        foreach (var municipality in municipalities)
        {
            var file = Directory.EnumerateFiles(Path.Combine(TestDeployment.RepositoryRoot, "samples", "uploads", "2023-2024", municipality), "schools.*").Single();
            await using var content = File.OpenRead(file);
            await new UploadBlobs(deployment.Storage).UploadAsync($"2023-2024/{municipality}/{Path.GetFileName(file)}", content, cancellationToken);
        }

        var uploads = await Poll.UntilAsync(
            () => new UploadStatusTable(deployment.Storage).ListAsync(Period, cancellationToken).ToListAsync(cancellationToken).AsTask(),
            all => all.Count(u => u.Status == UploadStatus.Completed) == municipalities.Length, "the uploads evaluated");
        var settled = uploads.Max(u => u.UpdatedAt);
        await Poll.UntilAsync(
            () => new RecalculationLock(deployment.Storage, TimeProvider.System).LastStartedAsync(Period, cancellationToken),
            started => started > settled, "a recalculation begun after the uploads");
        await Poll.UntilAsync(() => deployment.Storage.PendingMessagesAsync("period-recalculations", cancellationToken), count => count == 0, "the recalculation done");
        return await new ResultTable(deployment.Storage, TimeProvider.System).ListAsync(Period, cancellationToken).ToListAsync(cancellationToken);
    }

    private static async Task<FederalFile> UploadAsync(LocalDeployment deployment, string fileName, string csv)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await new FederalFileBlobs(deployment.Storage, TimeProvider.System).UploadAsync(Period, fileName, content, TestContext.Current.CancellationToken);
    }

    private static async Task<string> ReportAsync(LocalDeployment deployment, FederalFile file) =>
        (await Poll.UntilAsync(
            () => new ReportBlobs(deployment.Storage).TryReadTextAsync($"federal/{Period}/{file.VersionId}/report.csv", TestContext.Current.CancellationToken),
            text => text is not null, $"the report of {file.BlobName}"))!;

    private static IEnumerable<string> Ids(JsonElement view, string list) =>
        view.GetProperty(list).EnumerateArray().Select(s => s.GetProperty("schoolId").GetString()!);

    private static async Task<(HttpStatusCode Status, JsonElement Json)> GetAsync(LocalDeployment deployment, string path, string key)
    {
        using var http = new HttpClient { BaseAddress = deployment.HttpUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/{path}");
        request.Headers.Add("x-functions-key", key);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }
}
