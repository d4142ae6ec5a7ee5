using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Application.Views;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices.Notes;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Storage.Reports;
using SchoolRisk.Storage.Results;
using SchoolRisk.Testing;

namespace SchoolRisk.EndToEnd.Tests.Page;

/// <summary>
/// The web page in a real headless browser (Debian's Chromium, driven by Playwright) against the running local stack:
/// the map renders, a click on a municipality and then on a school shows the school's trend. A screenshot is saved
/// as an artifact: <c>artifacts/screenshots/risk-map.png</c> under the repository, and the municipality's analytical
/// note opened from the page, <c>artifacts/screenshots/analytical-note.png</c>, and printed to PDF by the browser, <c>analytical-note.pdf</c>.
/// The school tables: values with a decimal comma and their thresholds, sorting and filtering by an indicator, the
/// addressed recommendations beside each school, the classification that put a school in its zone (<c>schools.png</c>, <c>school-history.png</c>).
/// </summary>
public sealed class RiskMapPageTests(DeploymentFixture fixture) : IClassFixture<DeploymentFixture>
{
    [Fact]
    public async Task Map_Renders_AndADrillDownToASchoolShowsItsTrendOverPeriods()
    {
        Assert.True(File.Exists(PageBrowser.Chromium), $"The page tests need Debian's Chromium at {PageBrowser.Chromium}: scripts/ensure-tools.sh --browser installs it.");
        await fixture.Deployment.UploadAsync("2022-2023/kirovsky/schools.csv", "school_id,ege_below_min_share,oge_fail_share\nkirovsky-001,7,7\nkirovsky-002,2,2\nkirovsky-003,1,1\nkirovsky-004,9.5,9.5\n");
        await Poll.UntilAsync(() => fixture.Deployment.Storage.PendingMessagesAsync(QueueNames.UploadEvents, TestContext.Current.CancellationToken), n => n == 0, "the first period's upload");
        await fixture.Deployment.UploadAsync("2023-2024/kirovsky/schools.csv", "school_id,ege_below_min_share,ovz_share,migrant_share\nkirovsky-001,15,1,1\nkirovsky-002,1,12,15\n");
        await fixture.Deployment.UploadAsync("2023-2024/tosnensky/schools.csv", "school_id,ege_below_min_share\ntosnensky-001,6\n");
        await Poll.UntilAsync(
            () => new ResultTable(fixture.Deployment.Storage, TimeProvider.System).HistoryAsync(SchoolId.Parse("kirovsky-001"), TestContext.Current.CancellationToken),
            history => history.Count == 2, "kirovsky-001 in both periods");
        await Poll.UntilAsync(
            () => new ReportBlobs(fixture.Deployment.Storage).TryReadTextAsync(AnalyticalNote.BlobName(Period.Parse("2023-2024"), MunicipalityId.Parse("kirovsky")), TestContext.Current.CancellationToken),
            note => note?.Contains("kirovsky-001", StringComparison.Ordinal) == true, "kirovsky's analytical note of 2023-2024");
        var key = await fixture.Deployment.Keys.SetAsync(null, AccessScope.CommitteeKey, cancellationToken: TestContext.Current.CancellationToken);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await PageBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1400 }, Locale = "ru-RU" });
        PageBrowser.LogTraffic(page, "risk-map-page");
        var failures = new List<string>();
        page.PageError += (_, error) => failures.Add(error);
        await page.GotoAsync(new Uri(fixture.Deployment.HttpUrl, "api/site/").ToString());
        await page.FillAsync("#key", key);
        await page.ClickAsync("#login button");
        var rows = page.Locator("#map-table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#map-period")).ToHaveTextAsync("2023-2024");
        await Assertions.Expect(rows.Filter(new() { HasText = "Кировский район" }).Locator(".zone")).ToHaveTextAsync("высокий риск");

        await rows.Filter(new() { HasText = "Кировский район" }).ClickAsync();
        var schools = page.Locator("#schools-table tbody tr");
        await Assertions.Expect(schools).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await Assertions.Expect(schools.Filter(new() { HasText = "kirovsky-002" })).ToContainTextAsync("ШНСУ — школа, работающая в неблагоприятных социальных условиях");
        await Assertions.Expect(schools.Filter(new() { HasText = "kirovsky-002" }).Locator(".zone")).ToHaveTextAsync("средний риск");
        await page.SelectOptionAsync("#zone-filter", "high");
        await Assertions.Expect(schools).ToHaveCountAsync(1);
        await schools.First.ClickAsync();
        var history = page.Locator("#history-table tbody tr");
        await Assertions.Expect(history).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#school-title")).ToContainTextAsync("kirovsky-001");
        await Assertions.Expect(history.Nth(0)).ToContainTextAsync("2022-2023");
        await Assertions.Expect(history.Nth(0).Locator(".zone")).ToHaveTextAsync("средний риск");
        await Assertions.Expect(history.Nth(1).Locator(".zone")).ToHaveTextAsync("высокий риск");
        var note = await page.RunAndWaitForPopupAsync(() => page.ClickAsync("#note-link"));
        await Assertions.Expect(note.Locator("h1")).ToHaveTextAsync("Аналитическая справка: Кировский район, 2023-2024");
        await Assertions.Expect(note.Locator("svg rect").First).ToBeVisibleAsync();
        await note.ScreenshotAsync(new() { Path = PageBrowser.Artifact("analytical-note.png"), FullPage = true });
        await note.PdfAsync(new() { Path = PageBrowser.Artifact("analytical-note.pdf"), Format = "A4", PrintBackground = true });
        var trendDrawn = await page.EvaluateAsync<bool>("() => { const c = document.getElementById('trend-chart'); return c.width > 0 && Chart.getChart(c)?.data.datasets[0].data.join() === '1,2'; }");
        var screenshot = PageBrowser.Artifact("risk-map.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        TestContext.Current.SendDiagnosticMessage($"Screenshot: {screenshot}");

        Assert.True(trendDrawn, "the trend chart shows the zone of each period (medium, then high)");
        Assert.True(new FileInfo(PageBrowser.Artifact("analytical-note.pdf")).Length > 1000, "the note printed to PDF");
        Assert.Empty(failures);
    }
    [Fact]
    public async Task SchoolsTable_ShowsValuesWithADecimalCommaAndThresholdsInTitles_SortsAndFiltersByAnIndicator_AndNamesTheClassificationThatPutASchoolInItsZone()
    {
        Assert.True(File.Exists(PageBrowser.Chromium), $"The page tests need Debian's Chromium at {PageBrowser.Chromium}: scripts/ensure-tools.sh --browser installs it.");
        // Luga in a period of its own, apart from the other test's municipalities and periods. luzhsky-006 is the worst on
        // every result without crossing a high threshold: the classification (ШНОР) is what puts it in the high zone.
        await fixture.Deployment.UploadAsync(
            "2021-2022/luzhsky/schools.csv",
            "school_id,ege_below_min_share,oge_fail_share,min_level_share\n" +
            "luzhsky-001,7.5,2,97\nluzhsky-002,4,6,96\nluzhsky-003,1,1,99\nluzhsky-004,3.25,7,93\nluzhsky-005,0.5,0,99.5\nluzhsky-006,9.5,9.5,91\n");
        var stored = await Poll.UntilAsync(
            () => new ResultTable(fixture.Deployment.Storage, TimeProvider.System).ListAsync(Period.Parse("2021-2022"), MunicipalityId.Parse("luzhsky"), TestContext.Current.CancellationToken)
                .ToListAsync(TestContext.Current.CancellationToken).AsTask(),
            results => results.Count == 6 && results.Any(result => result.Classification.LowResults), "Luga's schools of 2021-2022 classified against the period");
        var lowResults = stored.Single(result => result.Classification.LowResults).SchoolId.ToString();
        var key = await fixture.Deployment.Keys.SetAsync(null, AccessScope.CommitteeKey, cancellationToken: TestContext.Current.CancellationToken);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await PageBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 }, Locale = "ru-RU" });
        PageBrowser.LogTraffic(page, "schools-page");
        var failures = new List<string>();
        page.PageError += (_, error) => failures.Add(error);
        await page.GotoAsync(new Uri(fixture.Deployment.HttpUrl, "api/site/").ToString());
        await page.FillAsync("#key", key);
        await page.ClickAsync("#login button");
        await Assertions.Expect(page.Locator("#period option[value='2021-2022']")).ToHaveCountAsync(1);
        await page.SelectOptionAsync("#period", "2021-2022");
        await Assertions.Expect(page.Locator("#map-period")).ToHaveTextAsync("2021-2022");
        await page.Locator("#map-table tbody tr").Filter(new() { HasText = "Лужский" }).ClickAsync();
        var rows = page.Locator("#schools-table tbody tr");
        var ids = page.Locator("#schools-table tbody .school-id");
        await Assertions.Expect(rows).ToHaveCountAsync(6, new() { Timeout = 30_000 });

        var ege = rows.Filter(new() { HasText = "luzhsky-001" }).Locator("td[data-indicator='ege_below_min_share']");
        await Assertions.Expect(ege).ToHaveTextAsync("7,5");
        await Assertions.Expect(ege).ToHaveAttributeAsync("title", new Regex("7,5 % — средний риск\\. Пороги: средний риск от 5 %, высокий риск от 10 %"));
        await Assertions.Expect(ege).ToHaveClassAsync(new Regex("value-medium"));
        await Assertions.Expect(rows.Filter(new() { HasText = "luzhsky-004" }).Locator("td[data-indicator='ege_below_min_share']")).ToHaveTextAsync("3,25");
        await Assertions.Expect(rows.Filter(new() { HasText = "luzhsky-004" }).Locator("td[data-indicator='min_level_share']"))
            .ToHaveAttributeAsync("title", new Regex("средний риск ниже 95 %, высокий риск ниже 90 %"));
        var low = rows.Filter(new() { HasText = lowResults });
        await Assertions.Expect(low.Locator(".zone")).ToHaveTextAsync("высокий риск");
        await Assertions.Expect(low.Locator(".reasons")).ToContainTextAsync("ШНОР — школа с низкими образовательными результатами");
        await Assertions.Expect(low).ToContainTextAsync("ШНОР");
        await low.Locator(".recommendations summary").ClickAsync();
        await Assertions.Expect(low.Locator(".recommendations li").First).ToContainTextAsync("Школе: Разработать и утвердить программу перехода в эффективный");
        await Assertions.Expect(low.Locator(".recommendations li").First).ToContainTextAsync("основание:");
        await Assertions.Expect(page.Locator("#school")).ToBeHiddenAsync();

        var egeHeader = page.Locator("#schools-table th[data-indicator='ege_below_min_share']");
        await egeHeader.Locator("button").ClickAsync();
        await Assertions.Expect(egeHeader).ToHaveAttributeAsync("aria-sort", "descending");
        await Assertions.Expect(ids).ToHaveTextAsync(["luzhsky-006", "luzhsky-001", "luzhsky-002", "luzhsky-004", "luzhsky-003", "luzhsky-005"]);
        await Assertions.Expect(low.Locator("details.recommendations")).ToHaveAttributeAsync("open", string.Empty); // still unfolded after sorting
        await page.Locator("#schools-table th[data-indicator='ege_below_min_share'] button").ClickAsync();
        await Assertions.Expect(ids).ToHaveTextAsync(["luzhsky-005", "luzhsky-003", "luzhsky-004", "luzhsky-002", "luzhsky-001", "luzhsky-006"]);
        await page.Locator("#schools-table th[data-indicator='min_level_share'] button").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#schools-table th[data-indicator='min_level_share']")).ToHaveAttributeAsync("aria-sort", "ascending");
        await Assertions.Expect(ids).ToHaveTextAsync(["luzhsky-006", "luzhsky-004", "luzhsky-002", "luzhsky-001", "luzhsky-003", "luzhsky-005"]);

        await page.SelectOptionAsync("#indicator-filter", "oge_fail_share");
        await Assertions.Expect(ids).ToHaveTextAsync(["luzhsky-006", "luzhsky-004", "luzhsky-002"]);
        await Assertions.Expect(page.Locator("#schools-count")).ToHaveTextAsync("Показано школ: 3 из 6");
        var fitsTheScreen = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
        await page.Locator("#municipality").ScreenshotAsync(new() { Path = PageBrowser.Artifact("schools.png") });
        await page.SelectOptionAsync("#indicator-filter", "");
        await Assertions.Expect(rows).ToHaveCountAsync(6);

        await rows.Filter(new() { HasText = "luzhsky-006" }).Locator("button.link").ClickAsync();
        var history = page.Locator("#history-table tbody tr");
        await Assertions.Expect(history).ToHaveCountAsync(1);
        await Assertions.Expect(history.Locator("td[data-indicator='ege_below_min_share']")).ToHaveTextAsync("9,5");
        await Assertions.Expect(history.Locator("td[data-indicator='ege_below_min_share']")).ToHaveAttributeAsync("title", new Regex("высокий риск от 10 %"));
        await page.Locator("#school").ScreenshotAsync(new() { Path = PageBrowser.Artifact("school-history.png") });

        Assert.Equal("luzhsky-006", lowResults);
        Assert.True(fitsTheScreen, "the schools' table scrolls inside its box, the page does not scroll sideways on a 1280-px screen");
        Assert.Empty(failures);
    }
}
