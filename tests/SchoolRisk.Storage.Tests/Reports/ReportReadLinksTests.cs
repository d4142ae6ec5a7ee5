using System.Globalization;
using System.Net;
using System.Web;
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
        var before = TimeProvider.System.GetUtcNow();

        var links = await new ReportReadLinks(azurite.Storage, TimeProvider.System)
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
        Assert.InRange(links.ExpiresOn, before.AddDays(7), TimeProvider.System.GetUtcNow().AddDays(7));
        Assert.Equal(DateTimeOffset.Parse(query["se"]!, CultureInfo.InvariantCulture), links.ExpiresOn, TimeSpan.FromSeconds(1));
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
}
