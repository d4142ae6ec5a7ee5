using Microsoft.Playwright;
using SchoolRisk.Application.Views;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Uploads.Tables;
using SchoolRisk.Storage.Registry;
using SchoolRisk.TestFiles.Workbooks;
using SchoolRisk.Testing;

namespace SchoolRisk.EndToEnd.Tests.Page;

/// <summary>
/// A municipality's upload through the page in a real headless browser (Debian's Chromium, driven by Playwright): the
/// page asks <c>UploadLink</c> for a link, puts the file straight to Blob storage (CORS for the page's origin), follows
/// the upload to its end and links its problems report; a messy workbook's outcome (the skipped row, the misspelt
/// column with its suggestion, the schools by zone), a refused file's what to do next opened from the uploads table by
/// keyboard, and the template downloaded from the page. Screenshots: <c>artifacts/screenshots/upload.png</c> and
/// <c>upload-outcome.png</c>.
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
        await using var browser = await PageBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "ru-RU" });
        PageBrowser.LogTraffic(page, "upload-page");
        var failures = new List<string>();
        page.PageError += (_, error) => failures.Add(error);
        await page.GotoAsync(new Uri(fixture.Deployment.HttpUrl, "api/site/").ToString());
        await page.FillAsync("#key", key);
        await page.ClickAsync("#login button");
        await Assertions.Expect(page.Locator("#upload-municipality")).ToHaveValueAsync("volosovsky");
        await Assertions.Expect(page.Locator("#upload-municipality option")).ToHaveTextAsync(["Волосовский район"]);
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

    [Fact]
    public async Task AMunicipality_UploadsAMessyWorkbookThroughThePage_SeesItsOutcome_OpensARefusalByKeyboard_AndDownloadsTheTemplate()
    {
        Assert.True(File.Exists(PageBrowser.Chromium), $"The page tests need Debian's Chromium at {PageBrowser.Chromium}: scripts/ensure-tools.sh --browser installs it.");
        var cancellation = TestContext.Current.CancellationToken;
        var key = await fixture.Deployment.Keys.SetAsync(null, AccessScope.MunicipalityKeyPrefix + "slantsevsky", cancellationToken: cancellation);
        var folder = Directory.CreateTempSubdirectory("page-outcome-").FullName;
        var refused = Path.Combine(folder, "Без кодов.csv");
        await File.WriteAllTextAsync(refused, "Школа;Доля результатов ЕГЭ ниже минимального балла\nСОШ 1;3\n", cancellation);
        var messy = Path.Combine(folder, "Сланцы свод.xlsx");
        await File.WriteAllBytesAsync(messy, XlsxWriter.Write([new TestSheet("Свод", [
            ["Сведения о школах Сланцевского района, 2023-2024 учебный год"],
            [],
            ["Код ОО", "Наименование", "Доля результатов ЕГЭ ниже минимального балла, %", "Сохранённость контингента"],
            ["slantsevsky-001", "МОУ «Сланцевская СОШ № 1»", new TextValue("12,5"), 98],
            ["slantsevsky-002", "МОУ «Сланцевская СОШ № 2»", "много", 97],
            [],
            ["slantsevsky-003", "МОУ «Сланцевская СОШ № 3»", 1, 99],
        ])]), cancellation);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await PageBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "ru-RU", AcceptDownloads = true });
        PageBrowser.LogTraffic(page, "upload-page-download");
        var failures = new List<string>();
        page.PageError += (_, error) => failures.Add(error);
        await page.GotoAsync(new Uri(fixture.Deployment.HttpUrl, "api/site/").ToString());
        await page.FillAsync("#key", key);
        await page.ClickAsync("#login button");
        await Assertions.Expect(page.Locator("#upload-municipality")).ToHaveValueAsync("slantsevsky");
        await page.FillAsync("#upload-period", "2023-2024");

        await page.SetInputFilesAsync("#upload-file", refused);
        await page.ClickAsync("#upload-form button[type=submit]");
        await Assertions.Expect(page.Locator("#upload-status")).ToContainTextAsync("«Без кодов.csv» не принят", new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator("#upload-outcome")).ToContainTextAsync("Что сделать");

        await page.SetInputFilesAsync("#upload-file", messy);
        await page.ClickAsync("#upload-form button[type=submit]");
        await Assertions.Expect(page.Locator("#upload-status")).ToContainTextAsync("«Сланцы свод.xlsx» принят: оценено школ 2", new() { Timeout = 120_000 });
        var outcome = page.Locator("#upload-outcome");
        var skipped = outcome.Locator("#outcome-problems tbody tr");
        await Assertions.Expect(skipped).ToHaveCountAsync(1);
        await Assertions.Expect(skipped.Locator("td").Nth(0)).ToHaveTextAsync("5");
        await Assertions.Expect(skipped.Locator("td").Nth(1)).ToHaveTextAsync("Доля результатов ЕГЭ ниже минимального балла, %");
        await Assertions.Expect(skipped.Locator("td").Nth(2)).ToHaveTextAsync("много");
        await Assertions.Expect(skipped.Locator("td").Nth(3)).ToContainTextAsync("строка 5");
        var column = outcome.Locator("#outcome-columns tbody tr");
        await Assertions.Expect(column.Locator("td").Nth(0)).ToHaveTextAsync("Сохранённость контингента");
        await Assertions.Expect(column.Locator("td").Nth(1)).ToHaveTextAsync("Сохранность контингента (retention_share)");
        await Assertions.Expect(outcome.Locator(".outcome-zone-high")).ToContainTextAsync("slantsevsky-001");
        await Assertions.Expect(outcome.Locator(".outcome-zone-high")).ToContainTextAsync("показателей в зоне высокого риска");
        await Assertions.Expect(outcome.Locator(".outcome-zone").Filter(new() { HasText = "slantsevsky-003" })).ToHaveCountAsync(1);
        var report = await outcome.Locator("#outcome-report").GetAttributeAsync("href");
        using var http = new HttpClient();
        var csv = await http.GetStringAsync(new Uri(report!), cancellation);
        await page.Locator("#upload").ScreenshotAsync(new() { Path = PageBrowser.Artifact("upload-outcome.png") });

        var refusedRow = page.Locator("#uploads-table tbody tr").Filter(new() { HasText = "Без кодов.csv" });
        await refusedRow.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(outcome).ToContainTextAsync("Файл «Без кодов.csv» не принят, ничего не оценено.");
        await Assertions.Expect(outcome.Locator(".outcome-steps li")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(refusedRow).ToHaveAttributeAsync("aria-current", "true");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#template-xlsx"));
        var template = Path.Combine(folder, "template.xlsx");
        await download.SaveAsAsync(template);
        var registry = await new SchoolRegistryBlob(fixture.Deployment.Storage).LoadAsync(cancellation);
        await using var templateContent = File.OpenRead(template);
        var reading = new UploadReading(templateContent, new UploadPath(Period.Parse("2023-2024"), MunicipalityId.Parse("slantsevsky"), "template.xlsx"), registry, UploadLimits.Default);
        var rows = new List<SchoolRow>();
        await Assert.ThrowsAsync<FileRejectedException>(async () =>
        {
            await foreach (var row in reading.ReadValidRowsAsync(cancellation))
            {
                rows.Add(row);
            }
        });

        Assert.Contains("много", csv, StringComparison.Ordinal);
        Assert.Equal("Шаблон загрузки — Сланцевский район, 2023-2024.xlsx", download.SuggestedFilename);
        Assert.Equal(registry.InMunicipality(MunicipalityId.Parse("slantsevsky")).Select(school => school.Id), rows.Select(row => row.SchoolId));
        Assert.Empty(failures);
    }
}
