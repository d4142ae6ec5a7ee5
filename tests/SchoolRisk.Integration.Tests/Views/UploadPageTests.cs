using Microsoft.Playwright;
using SchoolRisk.Application.Views;
using SchoolRisk.Integration.Tests.Support;

namespace SchoolRisk.Integration.Tests.Views;

/// <summary>
/// A municipality's upload through the page in a real headless browser (Debian's Chromium, driven by Playwright): the
/// page asks <c>UploadLink</c> for a link, puts the file straight to Blob storage (CORS for the page's origin), follows
/// the upload to its end and links its problems report. Screenshot: <c>artifacts/screenshots/upload.png</c>.
/// </summary>
public sealed class UploadPageTests(DeploymentFixture fixture) : IClassFixture<DeploymentFixture>
{
    [Fact]
    public async Task AMunicipality_UploadsAFileThroughThePage_AndSeesItsOutcomeAndItsProblemsReport()
    {
        Assert.True(File.Exists(PageBrowser.Chromium), $"The page tests need Debian's Chromium at {PageBrowser.Chromium}: scripts/ensure-tools.sh --browser installs it.");
        var key = await fixture.Deployment.Keys.SetAsync(null, AccessScope.MunicipalityKeyPrefix + "volosovsky", cancellationToken: TestContext.Current.CancellationToken);
        var file = Path.Combine(Directory.CreateTempSubdirectory("page-upload-").FullName, "Волосовский свод.csv");
        await File.WriteAllTextAsync(file, "school_id;ege_below_min_share\nvolosovsky-001;15\nvolosovsky-002;много\nvolosovsky-003;1\n", TestContext.Current.CancellationToken);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = PageBrowser.Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "ru-RU" });
        var failures = new List<string>();
        page.PageError += (_, error) => failures.Add(error);
        await page.GotoAsync(new Uri(fixture.Deployment.HttpUrl, "api/site/").ToString());
        await page.FillAsync("#key", key);
        await page.ClickAsync("#login button");
        await Assertions.Expect(page.Locator("#upload-municipality")).ToHaveValueAsync("volosovsky");
        await page.FillAsync("#upload-period", "2023-2024");
        await page.SetInputFilesAsync("#upload-file", file);
        await page.ClickAsync("#upload-form button");
        await Assertions.Expect(page.Locator("#upload-status")).ToContainTextAsync("«Волосовский свод.csv» принят: оценено", new() { Timeout = 120_000 });
        var row = page.Locator("#uploads-table tbody tr.selected");
        await Assertions.Expect(row).ToContainTextAsync("принят и оценён");
        var report = await row.Locator("a").GetAttributeAsync("href");
        using var http = new HttpClient();
        var csv = await http.GetStringAsync(new Uri(report!), TestContext.Current.CancellationToken);
        await page.ScreenshotAsync(new() { Path = PageBrowser.Artifact("upload.png"), FullPage = true });

        Assert.True(csv.Contains("много", StringComparison.Ordinal), csv);
        Assert.Empty(failures);
    }
}
