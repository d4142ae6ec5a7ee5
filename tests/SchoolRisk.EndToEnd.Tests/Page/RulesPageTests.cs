using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SchoolRisk.Application.Rules;
using SchoolRisk.Application.Views;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Rules;
using SchoolRisk.Testing;

namespace SchoolRisk.EndToEnd.Tests.Page;

/// <summary>
/// The rules administrator's work through the page in headless Chromium: lowers a threshold in the table, checks it,
/// previews which schools change zone and whose addressed recommendations change, activates it with a reason and a re-evaluation, sees the new version in force and
/// the school moved on the map, compares the versions, then rolls back and compares any two versions. Screenshots: <c>artifacts/screenshots/rules.png</c>
/// (the preview) and <c>rules-history.png</c> (the journal and the diff).
/// </summary>
public sealed class RulesPageTests(DeploymentFixture fixture) : IClassFixture<DeploymentFixture>
{
    [Fact]
    public async Task AnAdministrator_LowersAThreshold_Previews_Activates_SeesTheZonesMove_AndRollsBack()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        Assert.True(File.Exists(PageBrowser.Chromium), $"The page tests need Debian's Chromium at {PageBrowser.Chromium}: scripts/ensure-tools.sh --browser installs it.");
        var store = new RuleStore(fixture.Deployment.Storage, TimeProvider.System);
        await RuleServices.Workflow(fixture.Deployment.Storage).ActivateAndKeepInContainerAsync(
            await RuleFiles.ReadDirectoryAsync(TestRules.Folder, cancellationToken), new RuleChange("test", "start from the defaults", "cli"), cancellationToken);
        await fixture.Deployment.UploadAsync("2023-2024/volosovsky/schools.csv", "school_id,ege_below_min_share\nvolosovsky-001,7.5\nvolosovsky-002,3\n");
        await Poll.UntilAsync(
            () => new ResultTable(fixture.Deployment.Storage, TimeProvider.System).ListAsync(Period.Parse("2023-2024"), MunicipalityId.Parse("volosovsky"), cancellationToken).ToListAsync(cancellationToken).AsTask(),
            results => results.Count == 2, "volosovsky's results");
        var before = (await store.ActiveAsync(cancellationToken))!.Version.ToString();
        var key = await fixture.Deployment.Keys.SetAsync(null, AccessScope.RulesAdministratorKey, cancellationToken: cancellationToken);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await PageBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "ru-RU" });
        PageBrowser.LogTraffic(page, "rules-page");
        var failures = new List<string>();
        page.PageError += (_, error) => failures.Add(error);
        await page.GotoAsync(new Uri(fixture.Deployment.HttpUrl, "api/site/").ToString());
        await page.FillAsync("#key", key);
        await page.PressAsync("#key", "Enter");
        await Assertions.Expect(page.Locator("#rules-in-force")).ToContainTextAsync($"Действует версия {before}", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#upload")).ToBeHiddenAsync();

        var threshold = page.Locator("#thresholds-table input[data-rule='ege_below_min_share.high']");
        await Assertions.Expect(threshold).ToHaveValueAsync("10");
        await threshold.FillAsync("7");
        await threshold.PressAsync("Tab");
        await page.ClickAsync("#rules-check");
        await Assertions.Expect(page.Locator("#rules-status")).ToContainTextAsync("Правки проходят проверку", new() { Timeout = 60_000 });
        await page.SelectOptionAsync("#preview-period", "2023-2024");
        await page.ClickAsync("#rules-preview");
        await Assertions.Expect(page.Locator("#rules-status")).ToContainTextAsync("зона изменится у 1 из", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#preview-table")).ToContainTextAsync("volosovsky-001");
        await Assertions.Expect(page.Locator("#rules-status")).ToContainTextAsync("адресные рекомендации — у 1");
        await page.ClickAsync("#preview-recommendations-title");
        await Assertions.Expect(page.Locator("#preview-recommendations li")).ToContainTextAsync(
            new Regex("volosovsky-001 .* — добавится: школе: Организовать адресную подготовку обучающихся группы риска"));
        await page.ScreenshotAsync(new() { Path = PageBrowser.Artifact("rules.png"), FullPage = true });

        await page.FillAsync("#activate-reason", "ЕГЭ: высокий риск от 7%");
        await page.FillAsync("#activate-by", "Иванова");
        await page.CheckAsync("#activate-reevaluate");
        await page.ClickAsync("#activate-form button");
        await Assertions.Expect(page.Locator("#rules-status")).ToContainTextAsync("пересчитан; карта обновлена", new() { Timeout = 120_000 });
        var after = (await store.ActiveAsync(cancellationToken))!.Version.ToString();
        await Assertions.Expect(page.Locator("#rules-in-force")).ToContainTextAsync($"Действует версия {after}");
        await Assertions.Expect(page.Locator("#rules-in-force")).ToContainTextAsync("Иванова (ключ rules-admin)");
        await page.FocusAsync("#map-table tbody tr[data-municipality='volosovsky']");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#schools-table tbody tr[data-school='volosovsky-001']")).ToContainTextAsync("высокий риск");

        await page.ClickAsync("#versions-table tbody tr.selected button:has-text('Сравнить с предыдущей')");
        await Assertions.Expect(page.Locator("#rules-diff")).ToContainTextAsync("\"Threshold\": 7");
        await page.ScreenshotAsync(new() { Path = PageBrowser.Artifact("rules-history.png"), FullPage = true });
        await page.FillAsync("#activate-reason", "вернуть 10%");
        await page.ClickAsync($"#versions-table tbody tr:has-text('{before}') button:has-text('Вернуть эту версию') >> nth=0");
        await Assertions.Expect(page.Locator("#rules-in-force")).ToContainTextAsync($"Действует версия {before}", new() { Timeout = 60_000 });

        await page.SelectOptionAsync("#diff-from", after);
        await page.SelectOptionAsync("#diff-to", before);
        await page.ClickAsync("#diff-show");
        await Assertions.Expect(page.Locator("#rules-diff .added")).ToContainTextAsync(["\"Threshold\": 10"]);

        Assert.NotEqual(before, after);
        Assert.Equal("rollback", (await store.ListVersionsAsync(cancellationToken).FirstAsync(cancellationToken)).Source);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
