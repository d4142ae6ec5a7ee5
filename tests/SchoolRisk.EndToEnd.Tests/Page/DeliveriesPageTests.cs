using Microsoft.Playwright;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Application.Views;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Testing;

namespace SchoolRisk.EndToEnd.Tests.Page;

/// <summary>
/// The committee replays a poisoned notice from the page, in a real headless browser (Debian's Chromium, driven by
/// Playwright): the mail relay was down, the notice waits in <c>risk-notifications-poison</c>; the committee sees it
/// with its reason, the relay comes back, the committee clicks replay and sees the notice delivered. Screenshot:
/// <c>artifacts/screenshots/deliveries.png</c>.
/// </summary>
public sealed class DeliveriesPageTests(MailOutageFixture fixture) : IClassFixture<MailOutageFixture>
{
    [Fact]
    public async Task TheCommittee_ReplaysAPoisonedNoticeFromThePage_AndSeesItDelivered()
    {
        Assert.True(File.Exists(PageBrowser.Chromium), $"The page tests need Debian's Chromium at {PageBrowser.Chromium}: scripts/ensure-tools.sh --browser installs it.");
        var notice = await fixture.PoisonANoticeAsync("kingiseppsky", Period.Parse("2023-2024"));
        var key = await fixture.Deployment.Keys.SetAsync(null, AccessScope.CommitteeKey, cancellationToken: TestContext.Current.CancellationToken);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await PageBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "ru-RU" });
        PageBrowser.LogTraffic(page, "deliveries-page");
        var failures = new List<string>();
        page.PageError += (_, error) => failures.Add(error);
        await page.GotoAsync(new Uri(fixture.Deployment.HttpUrl, "api/site/").ToString());
        await page.FillAsync("#key", key);
        await page.ClickAsync("#login button");
        var poisoned = page.Locator($"#poison-list .poison-queue[data-queue='{QueueNames.RiskNotifications}']");
        await Assertions.Expect(poisoned).ToContainTextAsync($"№ {notice.NoticeId}");
        await Assertions.Expect(poisoned).ToContainTextAsync("почтовый сервер 127.0.0.1:");
        var row = page.Locator($"#deliveries-table tr[data-notice='{notice.NoticeId}']");
        await Assertions.Expect(row).ToContainTextAsync("не доставлено, отправка повторяется");
        await page.ScreenshotAsync(new() { Path = PageBrowser.Artifact("deliveries-poisoned.png"), FullPage = true });
        await fixture.StartMailAsync();
        await poisoned.Locator("button.replay-queue").ClickAsync();
        await Assertions.Expect(page.Locator("#deliveries-status")).ToContainTextAsync("Из очереди risk-notifications-poison в очередь risk-notifications возвращено сообщений:");
        await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("доставлено", new() { Timeout = 120_000 });
        await Assertions.Expect(poisoned).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = PageBrowser.Artifact("deliveries.png"), FullPage = true });

        Assert.Single(await fixture.Mail!.ListAsync(TestContext.Current.CancellationToken), l => l.To.Contains("kingiseppsky@edu.example.ru"));
        Assert.Empty(failures);
    }
}
