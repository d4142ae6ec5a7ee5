using System.Globalization;
using System.Net;
using System.Web;
using Microsoft.Extensions.Time.Testing;
using SchoolRisk.Application.Notices;
using SchoolRisk.Storage.Reports;
using SchoolRisk.Testing;

namespace SchoolRisk.Storage.Tests.Reports;

/// <summary>A letter's links open exactly their blob, only to read it, until the stated time; a lifetime longer than a user delegation SAS allows is refused.</summary>
public sealed class ReportReadLinksTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Issue_EachLinkReadsOnlyItsOwnBlob_AndExpiresAfterTheLifetime()
    {
        await azurite.Storage.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        var reports = azurite.Storage.Blobs.GetBlobContainerClient("reports");
        await reports.UploadBlobAsync("2023-2024/gatchinsky/u1/errors.csv", BinaryData.FromString("Строка;Столбец"), TestContext.Current.CancellationToken);
        await reports.UploadBlobAsync("2023-2024/gatchinsky/note.html", BinaryData.FromString("<h1>Справка</h1>"), TestContext.Current.CancellationToken);
        await reports.UploadBlobAsync("2023-2024/kirovsky/note.html", BinaryData.FromString("<h1>Другая</h1>"), TestContext.Current.CancellationToken);
        var clock = new FakeTimeProvider(Now());

        var links = await new ReportReadLinks(azurite.Storage, clock)
            .IssueAsync(["2023-2024/gatchinsky/u1/errors.csv", "2023-2024/gatchinsky/note.html"], TimeSpan.FromDays(7), TestContext.Current.CancellationToken);
        using var http = new HttpClient();
        var csv = await http.GetStringAsync(links.Urls[0], TestContext.Current.CancellationToken);
        var note = await http.GetStringAsync(links.Urls[1], TestContext.Current.CancellationToken);
        var neighbour = await http.GetAsync(new Uri(links.Urls[1].AbsoluteUri.Replace("/gatchinsky/", "/kirovsky/", StringComparison.Ordinal)), TestContext.Current.CancellationToken);
        var delete = await http.DeleteAsync(links.Urls[1], TestContext.Current.CancellationToken);
        var query = HttpUtility.ParseQueryString(links.Urls[0].Query);

        Assert.Equal(("Строка;Столбец", "<h1>Справка</h1>"), (csv, note));
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (neighbour.StatusCode, delete.StatusCode));
        Assert.Equal(("b", "r"), (query["sr"], query["sp"]));
        Assert.Equal(clock.GetUtcNow().AddDays(7), links.ExpiresOn);
        Assert.Equal(links.ExpiresOn, DateTimeOffset.Parse(query["se"]!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Issue_ALinkWhoseLifetimeHasPassed_NoLongerOpens()
    {
        await azurite.Storage.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        await azurite.Storage.Blobs.GetBlobContainerClient("reports")
            .UploadBlobAsync("2023-2024/gatchinsky/old-note.html", BinaryData.FromString("<h1>Справка</h1>"), TestContext.Current.CancellationToken);
        // Issued by a clock a day and a minute behind with a lifetime of one day: as if the letter were read a minute late.
        var issuedYesterday = new FakeTimeProvider(Now().AddDays(-1).AddMinutes(-1));

        var links = await new ReportReadLinks(azurite.Storage, issuedYesterday)
            .IssueAsync(["2023-2024/gatchinsky/old-note.html"], TimeSpan.FromDays(1), TestContext.Current.CancellationToken);
        using var http = new HttpClient();
        using var late = await http.GetAsync(links.Urls[0], TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
    }

    [Fact]
    public async Task Issue_LongerThanAUserDelegationSasLives_IsRefused_AndSoIsTheSettingAtStart()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            new ReportReadLinks(azurite.Storage, TimeProvider.System).IssueAsync(["x"], TimeSpan.FromDays(8), TestContext.Current.CancellationToken));
        var setting = new DeliveryOptionsValidation().Validate(null, new DeliveryOptions { ReportLinkLifetime = TimeSpan.FromDays(8) });

        var defaults = new DeliveryOptions();

        Assert.True(setting.Failed);
        Assert.Contains("Notifications:ReportLinkLifetime", setting.FailureMessage, StringComparison.Ordinal);
        Assert.True(new DeliveryOptionsValidation().Validate(null, defaults).Succeeded);
        Assert.Equal(TimeSpan.FromDays(7), defaults.ReportLinkLifetime);
    }

    /// <summary>Now, to the second (a SAS states its times to the second), for a clock the test holds still.</summary>
    private static DateTimeOffset Now()
    {
        var now = TimeProvider.System.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
    }
}
