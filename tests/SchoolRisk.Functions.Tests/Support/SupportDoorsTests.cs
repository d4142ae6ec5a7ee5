using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using MiniExcelLibs;
using SchoolRisk.Application.Views;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Support;
using SchoolRisk.Storage.Reports;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Uploads;
using SchoolRisk.Testing;

namespace SchoolRisk.Functions.Tests.Support;

/// <summary>
/// Support decisions through the local host (<c>/api/support/{period}…</c>) and the CLI, over the results of two sample
/// municipalities: the committee records, changes and withdraws decisions, each in the audit with who, before and after;
/// a municipality's key writes nothing and reads only its own schools; a wrong decision gets 422 with every problem in
/// Russian; the subsidy list downloads as a workbook Excel opens; the effect of a period's support one period later, on
/// the door, in the digest, the note and the page; and the page's support panel as the committee and a municipality use it.
/// </summary>
public sealed class SupportDoorsTests(DeploymentFixture fixture) : IClassFixture<DeploymentFixture>
{
    private static readonly Period Period = Period.Parse("2023-2024");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Record_Change_Withdraw_EachIsListedAndAudited_WithWhoBeforeAndAfter()
    {
        var stored = await ResultsAsync();
        var low = stored.Where(r => r.Classification.LowResults).OrderBy(r => r.SchoolId).First();
        var mentor = stored.Where(r => !r.Classification.LowResults && r.MunicipalityId == low.MunicipalityId).OrderBy(r => r.SchoolId).First();
        var committee = await fixture.Deployment.Keys.SetAsync(null, AccessScope.CommitteeKey, cancellationToken: Token);
        var before = (await SendAsync(HttpMethod.Get, "support/2023-2024", committee)).Json;

        var recorded = await SendAsync(HttpMethod.Post, "support/2023-2024", committee,
            new { school = low.SchoolId.ToString(), kind = "mentoring", mentor = mentor.SchoolId.ToString(), comment = "пара на год", by = "А. Петрова" });
        var subsidy = await SendAsync(HttpMethod.Post, "support/2023-2024", committee, new { school = low.SchoolId.ToString(), kind = "субсидия", amount = 250000.5m });
        var changed = await SendAsync(HttpMethod.Post, "support/2023-2024", committee,
            new { school = low.SchoolId.ToString(), kind = "mentoring", mentor = mentor.SchoolId.ToString(), comment = "пара на два года", by = "И. Сидоров" });
        var listed = (await SendAsync(HttpMethod.Get, "support/2023-2024", committee)).Json;
        var withdrawn = await SendAsync(HttpMethod.Post, "support/2023-2024/withdraw", committee, new { school = low.SchoolId.ToString(), kind = "subsidy", by = "А. Петрова" });
        var after = (await SendAsync(HttpMethod.Get, "support/2023-2024", committee)).Json;
        var audit = (await SendAsync(HttpMethod.Get, "support/2023-2024/audit", committee)).Json.GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("schoolId").GetString() == low.SchoolId.ToString() && e.GetProperty("kind").GetString() is "mentoring" or "subsidy").ToList();

        Assert.Equal(HttpStatusCode.OK, recorded.Status);
        Assert.Equal("А. Петрова (ключ committee)", recorded.Json.GetProperty("decision").GetProperty("decidedBy").GetString());
        Assert.StartsWith("Записано: наставничество для школы «", recorded.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "ключ committee", 250000.5m), (subsidy.Status, subsidy.Json.GetProperty("decision").GetProperty("decidedBy").GetString(), subsidy.Json.GetProperty("decision").GetProperty("amount").GetDecimal()));
        Assert.StartsWith("Изменено: наставничество", changed.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(before.GetProperty("proposals").EnumerateArray(), p => p.GetProperty("menteeId").GetString() == low.SchoolId.ToString());
        Assert.DoesNotContain(listed.GetProperty("proposals").EnumerateArray(), p => p.GetProperty("menteeId").GetString() == low.SchoolId.ToString());
        Assert.True(listed.GetProperty("canRecord").GetBoolean());
        Assert.Equal(
            [("subsidy", (string?)null, ""), ("mentoring", mentor.SchoolId.ToString(), "пара на два года")],
            Decisions(listed, low.SchoolId.ToString()).OrderBy(d => d.Kind == "mentoring"));
        Assert.Equal(HttpStatusCode.OK, withdrawn.Status);
        Assert.Equal([("mentoring", mentor.SchoolId.ToString(), "пара на два года")], Decisions(after, low.SchoolId.ToString()));
        Assert.Equal(
            [("recorded", "mentoring", "А. Петрова (ключ committee)"), ("recorded", "subsidy", "ключ committee"), ("changed", "mentoring", "И. Сидоров (ключ committee)"), ("withdrawn", "subsidy", "А. Петрова (ключ committee)")],
            audit.Select(e => (e.GetProperty("action").GetString(), e.GetProperty("kind").GetString(), e.GetProperty("by").GetString())));
        Assert.Equal(JsonValueKind.Null, audit[0].GetProperty("before").ValueKind);
        Assert.Equal(("пара на год", "пара на два года"), (audit[2].GetProperty("before").GetProperty("comment").GetString(), audit[2].GetProperty("after").GetProperty("comment").GetString()));
        Assert.Equal((250000.5m, JsonValueKind.Null), (audit[3].GetProperty("before").GetProperty("amount").GetDecimal(), audit[3].GetProperty("after").ValueKind));
        Assert.Equal("отозвано", audit[3].GetProperty("actionTitle").GetString());
    }

    [Fact]
    public async Task AMunicipalitysKey_IsForbiddenToWrite_AndSeesOnlyItsOwnSchoolsDecisions()
    {
        var stored = await ResultsAsync();
        var committee = await fixture.Deployment.Keys.SetAsync(null, AccessScope.CommitteeKey, cancellationToken: Token);
        var kirovsky = await fixture.Deployment.Keys.SetAsync(null, AccessScope.MunicipalityKeyPrefix + "kirovsky", cancellationToken: Token);
        foreach (var municipality in new[] { "kirovsky", "tosnensky" })
        {
            var school = stored.Where(r => r.MunicipalityId.ToString() == municipality).OrderBy(r => r.SchoolId).Last().SchoolId.ToString();
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, "support/2023-2024", committee, new { school, kind = "methodological-help", comment = "семинары" })).Status);
        }

        var post = await SendAsync(HttpMethod.Post, "support/2023-2024", kirovsky, new { school = "kirovsky-001", kind = "other" });
        var withdraw = await SendAsync(HttpMethod.Post, "support/2023-2024/withdraw", kirovsky, new { school = "kirovsky-001", kind = "other" });
        var own = (await SendAsync(HttpMethod.Get, "support/2023-2024", kirovsky)).Json;
        var ownAudit = (await SendAsync(HttpMethod.Get, "support/2023-2024/audit", kirovsky)).Json;

        Assert.All(new[] { post, withdraw }, answer =>
        {
            Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
            Assert.Equal("Решения о поддержке записывает и отзывает только комитет: войдите с ключом комитета.", answer.Json.GetProperty("error").GetString());
        });
        Assert.False(own.GetProperty("canRecord").GetBoolean());
        Assert.NotEmpty(own.GetProperty("decisions").EnumerateArray());
        Assert.All(own.GetProperty("decisions").EnumerateArray(), d => Assert.Equal("kirovsky", d.GetProperty("municipalityId").GetString()));
        Assert.All(own.GetProperty("subsidy").EnumerateArray(), s => Assert.Equal("kirovsky", s.GetProperty("municipalityId").GetString()));
        Assert.Empty(own.GetProperty("proposals").EnumerateArray());
        Assert.All(ownAudit.GetProperty("entries").EnumerateArray(), e => Assert.StartsWith("kirovsky-", e.GetProperty("schoolId").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWrongDecision_Gets422WithEveryProblemInRussian_AndABodyThatIsNotJsonGets400()
    {
        await ResultsAsync();
        var committee = await fixture.Deployment.Keys.SetAsync(null, AccessScope.CommitteeKey, cancellationToken: Token);

        var wrong = await SendAsync(HttpMethod.Post, "support/2023-2024", committee, new { school = "nowhere-1", kind = "грант", amount = -1 });
        var mentoring = await SendAsync(HttpMethod.Post, "support/2023-2024", committee, new { school = "kirovsky-001", kind = "mentoring" });
        var notJson = await SendAsync(HttpMethod.Post, "support/2023-2024", committee, "школа kirovsky-001");
        var notAPeriod = await SendAsync(HttpMethod.Post, "support/2023", committee, new { school = "kirovsky-001", kind = "other" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.Status);
        Assert.Equal("Решение не записано: исправьте ошибки.", wrong.Json.GetProperty("error").GetString());
        Assert.Equal(
            ["Школы «nowhere-1» нет в реестре школ.", $"Вид поддержки «грант» не распознан: укажите один из: {SupportKinds.Choices}.", "Сумма должна быть больше нуля, указано -1."],
            wrong.Json.GetProperty("problems").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "Для наставничества укажите школу-наставника (mentor)."), (mentoring.Status, mentoring.Json.GetProperty("problems")[0].GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.Status);
        Assert.StartsWith("Тело запроса должно быть JSON вида", notJson.Json.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, "«2023» — не учебный год вида 2023-2024."), (notAPeriod.Status, notAPeriod.Json.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task SubsidyXlsx_Downloads_AndOpensWithOneRowPerQualifyingSchool_AMunicipalitysKeyGetsItsOwn()
    {
        var stored = await ResultsAsync();
        var committee = await fixture.Deployment.Keys.SetAsync(null, AccessScope.CommitteeKey, cancellationToken: Token);
        var tosnensky = await fixture.Deployment.Keys.SetAsync(null, AccessScope.MunicipalityKeyPrefix + "tosnensky", cancellationToken: Token);

        var region = await DownloadAsync(committee);
        var own = await DownloadAsync(tosnensky);

        var qualifying = stored.Where(r => r.Classification.LowResults || r.Classification.UnfavourableConditions).ToList();
        Assert.NotEmpty(qualifying);
        Assert.Equal("Субсидия", region.Sheet);
        Assert.Equal(SubsidyList.Headers, region.Rows[1]);
        Assert.Equal(qualifying.Select(r => r.SchoolId.ToString()).Order(StringComparer.Ordinal), region.Rows.Skip(2).Select(row => row[1]).Order(StringComparer.Ordinal));
        Assert.Contains(region.Rows.Skip(2), row => row[0] == "Тосненский район");
        Assert.Equal(qualifying.Where(r => r.MunicipalityId.ToString() == "tosnensky").Select(r => r.SchoolId.ToString()).Order(StringComparer.Ordinal),
            own.Rows.Skip(2).Select(row => row[1]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Cli_RecordsADecision_ProposesMentors_ListsWithTheAudit_AndWritesTheSubsidyWorkbook()
    {
        var stored = await ResultsAsync();
        var low = stored.Where(r => r.Classification.LowResults).OrderByDescending(r => r.SchoolId).First();
        var workbook = Path.Combine(Path.GetTempPath(), $"subsidy-{Guid.NewGuid():N}.xlsx");
        string[] connection = ["--connection-string", fixture.Deployment.ConnectionString];

        var record = await CliProcess.RunAsync(["support", "record", "--period", "2023-2024", "--school", low.SchoolId.ToString(), "--kind", "municipal-programme", "--comment", "из командной строки", "--by", "Е. Орлова", .. connection]);
        var refused = await CliProcess.RunAsync(["support", "record", "--period", "2023-2024", "--school", low.SchoolId.ToString(), "--kind", "subsidy", .. connection]);
        var mentors = await CliProcess.RunAsync(["support", "mentors", "--period", "2023-2024", .. connection]);
        var list = await CliProcess.RunAsync(["support", "list", "--period", "2023-2024", .. connection]);
        var subsidy = await CliProcess.RunAsync(["support", "subsidy", "--period", "2023-2024", "--out", workbook, .. connection]);

        Assert.Equal(0, record.Exit);
        Assert.Contains("Записано: муниципальная программа поддержки", record.Output, StringComparison.Ordinal);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("Для субсидии укажите сумму в рублях (amount).", refused.Output, StringComparison.Ordinal);
        Assert.Equal(0, mentors.Exit);
        Assert.Contains("Предложения наставников, 2023-2024", mentors.Output, StringComparison.Ordinal);
        Assert.Contains("Школа (ШНОР)", mentors.Output, StringComparison.Ordinal);
        Assert.Contains("Е. Орлова (командная строка, не проверено)", list.Output, StringComparison.Ordinal);
        Assert.Equal(0, subsidy.Exit);
        using (var file = File.OpenRead(workbook))
        {
            Assert.Equal(["Субсидия"], MiniExcel.GetSheetNames(file));
        }

        File.Delete(workbook);
    }

    [Fact]
    public async Task Effect_OfThePreviousPeriodsSupport_OnTheDoor_InTheCommitteesDigest_AndInTheMunicipalitysNote_AndADecisionChangesTheRecommendations()
    {
        var committee = await fixture.Deployment.Keys.SetAsync(null, AccessScope.CommitteeKey, cancellationToken: Token);
        var volkhovsky = await fixture.Deployment.Keys.SetAsync(null, AccessScope.MunicipalityKeyPrefix + "volkhovsky", cancellationToken: Token);
        var kirovsky = await fixture.Deployment.Keys.SetAsync(null, AccessScope.MunicipalityKeyPrefix + "kirovsky", cancellationToken: Token);
        await UploadAndSettleAsync("2022-2023", "volkhovsky");
        using var decisions = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(TestDeployment.RepositoryRoot, "samples", "support", "2022-2023.json"), Token));
        var own = decisions.RootElement.EnumerateArray().Where(d => d.GetProperty("school").GetString()!.StartsWith("volkhovsky-", StringComparison.Ordinal)).ToList();
        foreach (var decision in own)
        {
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, "support/2022-2023", committee, decision)).Status);
        }

        var noLaterData = (await SendAsync(HttpMethod.Get, "support/2022-2023/effect", committee)).Json;
        await UploadAndSettleAsync("2023-2024", "volkhovsky");
        var effect = await SendAsync(HttpMethod.Get, "support/2022-2023/effect", committee);
        var ownEffect = (await SendAsync(HttpMethod.Get, "support/2022-2023/effect", volkhovsky)).Json;
        var othersEffect = (await SendAsync(HttpMethod.Get, "support/2022-2023/effect", kirovsky)).Json;

        var subsidy = effect.Json.GetProperty("rows").EnumerateArray().Single(row => row.GetProperty("kind").GetString() == "subsidy");
        var oneLater = subsidy.GetProperty("supported").GetProperty("later")[0];
        Assert.Equal(HttpStatusCode.OK, effect.Status);
        // Before volkhovsky's next period, none of its supported schools has a later result (another test may have stored
        // 2023-2024 results of other municipalities, which makes the later period exist without them).
        Assert.All(noLaterData.GetProperty("rows").EnumerateArray(), row => Assert.All(
            row.GetProperty("supported").GetProperty("later").EnumerateArray(), later => Assert.Equal(0, later.GetProperty("observed").GetInt32())));
        Assert.Equal(["subsidy", "mentoring", null], effect.Json.GetProperty("rows").EnumerateArray().Select(row => row.GetProperty("kind").GetString()));
        Assert.Equal(own.Count(d => d.GetProperty("kind").GetString() == "subsidy"), subsidy.GetProperty("supported").GetProperty("schools").GetInt32());
        Assert.Equal(("2023-2024", 1), (oneLater.GetProperty("period").GetString(), oneLater.GetProperty("periodsLater").GetInt32()));
        Assert.Equal(subsidy.GetProperty("supported").GetProperty("schools").GetInt32(), oneLater.GetProperty("observed").GetInt32());
        Assert.Equal(JsonValueKind.Number, oneLater.GetProperty("meanResultsIndexChange").ValueKind);
        var indicators = effect.Json.GetProperty("indicators").EnumerateArray().ToDictionary(indicator => indicator.GetProperty("id").GetString()!);
        Assert.Equal("ege_below_min_share", effect.Json.GetProperty("indicators")[0].GetProperty("id").GetString());
        Assert.Equal(("п. п.", "higher"), (indicators["ege_below_min_share"].GetProperty("changeUnit").GetString(), indicators["ege_below_min_share"].GetProperty("worseWhen").GetString()));
        Assert.Equal(JsonValueKind.Null, indicators["ovz_share"].GetProperty("worseWhen").ValueKind);
        Assert.Equal("Школьный спортивный клуб: доля школ, где есть", indicators["has_sports_club"].GetProperty("title").GetString());
        Assert.Equal(3, effect.Json.GetProperty("minimumComparison").GetInt32());
        Assert.Equal(effect.Json.GetProperty("rows").GetArrayLength(), ownEffect.GetProperty("rows").GetArrayLength());
        Assert.False(ownEffect.GetProperty("region").GetBoolean());
        Assert.Equal(0, othersEffect.GetProperty("rows").GetArrayLength());

        var digest = await Poll.UntilAsync(
            async () => (await fixture.Deployment.Mail.ListAsync(Token)).FirstOrDefault(l => l.Subject.StartsWith("Сводка по зонам риска за 2023-2024", StringComparison.Ordinal)
                && l.Text?.Contains("Эффект поддержки", StringComparison.Ordinal) == true),
            letter => letter is not null, "the committee's digest with the effect of support", TimeSpan.FromSeconds(120));
        Assert.Contains("субсидия, 2022-2023", digest!.Html, StringComparison.Ordinal);
        var note = await Poll.UntilAsync(
            () => new ReportBlobs(fixture.Deployment.Storage).TryReadTextAsync("2023-2024/volkhovsky/note.html", Token),
            html => html?.Contains("Эффект поддержки", StringComparison.Ordinal) == true, "volkhovsky's note with the effect of support", TimeSpan.FromSeconds(120));
        Assert.Contains("Школы муниципалитета, получившие поддержку", note, StringComparison.Ordinal);

        // A stably low school of 2023-2024 is offered to the committee for a subsidy until one is decided; then the committee
        // is told to check the support instead, on the page's view at once and in the period's note, written again.
        const string Offer = "Рассмотреть школу для предоставления субсидии";
        const string Check = "Проверить ход назначенной поддержки";
        var offered = (await SendAsync(HttpMethod.Get, "municipalities/volkhovsky/2023-2024", committee)).Json.GetProperty("schools").EnumerateArray()
            .First(school => Measures(school).Any(measure => measure.StartsWith(Offer, StringComparison.Ordinal)));
        var schoolId = offered.GetProperty("schoolId").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, "support/2023-2024", committee, new { school = schoolId, kind = "subsidy", amount = 100000 })).Status);
        var decided = (await SendAsync(HttpMethod.Get, "municipalities/volkhovsky/2023-2024", committee)).Json;
        var measures = Measures(decided.GetProperty("schools").EnumerateArray().Single(school => school.GetProperty("schoolId").GetString() == schoolId)).ToList();
        Assert.DoesNotContain(measures, measure => measure.StartsWith(Offer, StringComparison.Ordinal));
        Assert.Contains(measures, measure => measure.StartsWith(Check, StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Array, decided.GetProperty("municipalRecommendations").ValueKind);
        await Poll.UntilAsync(
            () => new ReportBlobs(fixture.Deployment.Storage).TryReadTextAsync("2023-2024/volkhovsky/note.html", Token),
            html => html?.Contains(Check, StringComparison.Ordinal) == true, "volkhovsky's 2023-2024 note written again after the decision", TimeSpan.FromSeconds(120));

        await using var browser = await SignedInAsync(committee);
        var rows = browser.Page.Locator("#effect-table tbody tr");
        await Assertions.Expect(rows.Filter(new() { HasText = "субсидия, 2022-2023" }).Filter(new() { HasText = "получили" })).ToContainTextAsync("1 год (2023-2024)");
        await Assertions.Expect(browser.Page.Locator("#effect-chart-box")).ToBeVisibleAsync();
        await Assertions.Expect(browser.Page.Locator("#effect-whose")).ToHaveTextAsync("региона");
        await browser.Page.Locator("#effect").ScreenshotAsync(new() { Path = PageBrowser.Artifact("support-effect.png") });
        Assert.Empty(browser.Failures);
    }

    [Fact]
    public async Task Page_TheCommitteeRecordsWithARussianAmountAndWithdrawsAfterConfirming_AMunicipalitySeesItsDecisionsReadOnly()
    {
        var stored = await ResultsAsync();
        var low = stored.Where(r => r.Classification.LowResults && r.MunicipalityId.ToString() == "kirovsky").OrderBy(r => r.SchoolId).Last();
        var committee = await fixture.Deployment.Keys.SetAsync(null, AccessScope.CommitteeKey, cancellationToken: Token);
        var kirovsky = await fixture.Deployment.Keys.SetAsync(null, AccessScope.MunicipalityKeyPrefix + "kirovsky", cancellationToken: Token);

        await using (var browser = await SignedInAsync(committee))
        {
            var page = browser.Page;
            await page.FillAsync("#support-school", low.SchoolId.ToString());
            await page.SelectOptionAsync("#support-kind", "subsidy");
            await page.FillAsync("#support-amount", "250 000,50 ₽");
            await page.ClickAsync("#support-form button[type=submit]");
            await Assertions.Expect(page.Locator("#support-status")).ToContainTextAsync("Укажите ваше имя");
            await page.FillAsync("#support-by", "А. Петрова");
            await page.FillAsync("#support-amount", "двести тысяч");
            await page.ClickAsync("#support-form button[type=submit]");
            await Assertions.Expect(page.Locator("#support-status")).ToContainTextAsync("Сумма «двести тысяч» не похожа на число рублей");
            await page.FillAsync("#support-amount", "250 000,50 ₽");
            await page.ClickAsync("#support-form button[type=submit]");
            await Assertions.Expect(page.Locator("#support-status")).ToContainTextAsync("Записано: субсидия для школы");
            await Assertions.Expect(page.Locator("#support-answer")).ToBeInViewportAsync();
            var decision = page.Locator($"#support-decisions tbody tr[data-school='{low.SchoolId}'][data-kind='subsidy']");
            await Assertions.Expect(decision).ToContainTextAsync("250 000,50 ₽");
            await page.Locator("#support-decisions").ScreenshotAsync(new() { Path = PageBrowser.Artifact("support-decisions.png") });

            page.Dialog += (_, dialog) => _ = dialog.Message.Contains(low.SchoolId.ToString(), StringComparison.Ordinal) ? dialog.AcceptAsync() : dialog.DismissAsync();
            await decision.Locator("button.withdraw").ClickAsync();
            await Assertions.Expect(page.Locator("#support-status")).ToContainTextAsync("Отозвано: субсидия");
            await Assertions.Expect(decision).ToHaveCountAsync(0);
            Assert.Empty(browser.Failures);
        }

        await SendAsync(HttpMethod.Post, "support/2023-2024", committee, new { school = low.SchoolId.ToString(), kind = "other", comment = "выезд специалистов", by = "А. Петрова" });
        await using (var browser = await SignedInAsync(kirovsky))
        {
            var page = browser.Page;
            await Assertions.Expect(page.Locator($"#support-decisions tbody tr[data-school='{low.SchoolId}'][data-kind='other']")).ToContainTextAsync("выезд специалистов");
            await Assertions.Expect(page.Locator("#support-readonly")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#support-form")).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator("#support-proposals-block")).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator("#support-decisions button")).ToHaveCountAsync(0);
            Assert.Empty(browser.Failures);
        }
    }

    /// <summary>The page in headless Chromium, signed in with <paramref name="key"/>, the map of the latest period loaded; page errors collected.</summary>
    private async Task<SignedInPage> SignedInAsync(string key)
    {
        Assert.True(File.Exists(PageBrowser.Chromium), $"The page tests need Debian's Chromium at {PageBrowser.Chromium}: scripts/ensure-tools.sh --browser installs it.");
        var playwright = await Playwright.CreateAsync();
        var browser = await PageBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "ru-RU" });
        PageBrowser.LogTraffic(page, "support-panel");
        var signedIn = new SignedInPage(playwright, browser, page);
        page.PageError += (_, error) => signedIn.Failures.Add(error);
        await page.GotoAsync(new Uri(fixture.Deployment.HttpUrl, "api/site/").ToString());
        await page.FillAsync("#key", key);
        await page.ClickAsync("#login button");
        await Assertions.Expect(page.Locator("#support")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        return signedIn;
    }

    /// <summary>A browser on the page, closed with it.</summary>
    private sealed record SignedInPage(IPlaywright Playwright, IBrowser Browser, IPage Page) : IAsyncDisposable
    {
        public List<string> Failures { get; } = [];

        public async ValueTask DisposeAsync()
        {
            await Browser.DisposeAsync();
            Playwright.Dispose();
        }
    }

    /// <summary>Uploads a municipality's sample file of a period and waits for it and a recalculation after it.</summary>
    private async Task UploadAndSettleAsync(string period, string municipality)
    {
        var file = Directory.EnumerateFiles(Path.Combine(TestDeployment.RepositoryRoot, "samples", "uploads", period, municipality), "schools.*").Single();
        await using (var content = File.OpenRead(file))
        {
            await new UploadBlobs(fixture.Deployment.Storage).UploadAsync($"{period}/{municipality}/{Path.GetFileName(file)}", content, Token);
        }

        var statuses = new UploadStatusTable(fixture.Deployment.Storage);
        var upload = await Poll.UntilAsync(
            async () => (await statuses.ListAsync(Period.Parse(period), Token).ToListAsync(Token)).FirstOrDefault(u => u.MunicipalityId?.ToString() == municipality),
            u => u?.Status == UploadStatus.Completed, $"{municipality}'s {period} upload evaluated");
        await Poll.UntilAsync(
            () => new RecalculationLock(fixture.Deployment.Storage, TimeProvider.System).LastStartedAsync(Period.Parse(period), Token),
            started => started > upload!.UpdatedAt, $"a recalculation of {period} after the upload");
    }

    /// <summary>The measures of a school of the schools view.</summary>
    private static IEnumerable<string> Measures(JsonElement school) =>
        school.GetProperty("recommendations").EnumerateArray().Select(recommendation => recommendation.GetProperty("measure").GetString()!);

    /// <summary>The school's mentoring and subsidy decisions (the other tests record other kinds).</summary>
    private static IEnumerable<(string Kind, string? Mentor, string Comment)> Decisions(JsonElement view, string school) =>
        view.GetProperty("decisions").EnumerateArray().Where(d => d.GetProperty("schoolId").GetString() == school && d.GetProperty("kind").GetString() is "mentoring" or "subsidy")
            .Select(d => (d.GetProperty("kind").GetString()!, d.GetProperty("mentorId").GetString(), d.GetProperty("comment").GetString()!));

    /// <summary>The period's results of kirovsky and tosnensky, uploaded from the samples and recalculated the first time a test asks.</summary>
    private async Task<List<StoredResult>> ResultsAsync()
    {
        var results = new ResultTable(fixture.Deployment.Storage, TimeProvider.System);
        var statuses = new UploadStatusTable(fixture.Deployment.Storage);
        bool Sampled(UploadRecord upload) => upload.MunicipalityId?.ToString() is "kirovsky" or "tosnensky";
        if (!(await statuses.ListAsync(Period, Token).ToListAsync(Token)).Any(Sampled))
        {
            foreach (var municipality in new[] { "kirovsky", "tosnensky" })
            {
                var file = Directory.EnumerateFiles(Path.Combine(TestDeployment.RepositoryRoot, "samples", "uploads", "2023-2024", municipality), "schools.*").Single();
                await using var content = File.OpenRead(file);
                await new UploadBlobs(fixture.Deployment.Storage).UploadAsync($"2023-2024/{municipality}/{Path.GetFileName(file)}", content, Token);
            }
        }

        var uploads = await Poll.UntilAsync(
            () => statuses.ListAsync(Period, Token).ToListAsync(Token).AsTask(),
            all => all.Count(u => Sampled(u) && u.Status == UploadStatus.Completed) == 2, "both uploads evaluated");
        var settled = uploads.Where(Sampled).Max(u => u.UpdatedAt);
        await Poll.UntilAsync(
            () => new RecalculationLock(fixture.Deployment.Storage, TimeProvider.System).LastStartedAsync(Period, Token),
            started => started > settled, "a recalculation begun after both uploads to finish");
        return await results.ListAsync(Period, Token).ToListAsync(Token);
    }

    private async Task<(string Sheet, List<List<string>> Rows)> DownloadAsync(string key)
    {
        using var http = new HttpClient { BaseAddress = fixture.Deployment.HttpUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/support/2023-2024/subsidy.xlsx");
        request.Headers.Add("x-functions-key", key);
        using var response = await http.SendAsync(request, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("subsidy-2023-2024.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var content = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Token));
        var sheet = Assert.Single(MiniExcel.GetSheetNames(content));
        content.Position = 0;
        return (sheet, [.. content.Query().Cast<IDictionary<string, object?>>().Select(row => row.Values.Select(value => value?.ToString() ?? string.Empty).ToList())]);
    }

    private async Task<(HttpStatusCode Status, JsonElement Json)> SendAsync(HttpMethod method, string path, string key, object? body = null)
    {
        using var http = new HttpClient { BaseAddress = fixture.Deployment.HttpUrl };
        using var request = new HttpRequestMessage(method, $"api/{path}");
        request.Headers.Add("x-functions-key", key);
        request.Content = body switch
        {
            null => null,
            string plain => new StringContent(plain, Encoding.UTF8, "text/plain"),
            _ => JsonContent.Create(body),
        };
        using var response = await http.SendAsync(request, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }
}
