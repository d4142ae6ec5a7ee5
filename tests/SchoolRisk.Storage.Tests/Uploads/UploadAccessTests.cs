using System.Web;
using Microsoft.Extensions.Time.Testing;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Uploads;
using SchoolRisk.Testing;

namespace SchoolRisk.Storage.Tests.Uploads;

public sealed class UploadAccessTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Grant_IsADirectorySasOnTheMunicipalitysFolderOfThePeriod()
    {
        var now = TimeProvider.System.GetUtcNow();
        var clock = new FakeTimeProvider(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)));

        var grant = await new UploadAccess(azurite.Storage, clock)
            .GrantAsync(Period.Parse("2023-2024"), MunicipalityId.Parse("gatchinsky"), TimeSpan.FromDays(3), cancellationToken: TestContext.Current.CancellationToken);

        Assert.EndsWith("/uploads/2023-2024/gatchinsky", grant.FolderUrl.AbsolutePath, StringComparison.Ordinal);
        var query = HttpUtility.ParseQueryString(grant.FolderUrl.Query);
        Assert.Equal(("d", "2", "rc"), (query["sr"], query["sdd"], query["sp"]));
        Assert.Equal(clock.GetUtcNow().AddDays(3), grant.ExpiresOn);
        Assert.Equal(grant.ExpiresOn, DateTimeOffset.Parse(query["se"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(grant.FolderUrl.AbsolutePath + "/schools%20v2.xlsx", grant.FileUrl("schools v2.xlsx").AbsolutePath);
        Assert.Equal(grant.FolderUrl.Query, grant.FileUrl("schools v2.xlsx").Query);
    }

    [Fact]
    public async Task Grant_WithoutAnAccountKey_SaysHowToConnectInstead()
    {
        var account = new StorageAccount(new StorageOptions
        {
            ConnectionString = "BlobEndpoint=https://example.blob.core.windows.net/;QueueEndpoint=https://example.queue.core.windows.net/;" +
                "TableEndpoint=https://example.table.core.windows.net/;SharedAccessSignature=sv=2024-08-04&ss=b&srt=co&sp=r&sig=abc",
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new UploadAccess(account, TimeProvider.System).GrantAsync(Period.Parse("2023-2024"), MunicipalityId.Parse("gatchinsky"), TimeSpan.FromDays(1), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("--account-name", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>UseDevelopmentStorage=true</c>, the CLI's default connection, names the emulator's published account and key:
    /// the grant is signed with it (the fresh-eyes pass of 2026-11-30 found <c>uploads grant</c> ending in a stack trace).
    /// </summary>
    [Fact]
    public async Task Grant_OnTheEmulatorsDefaultAccount_IsSignedWithItsPublishedKey()
    {
        var account = new StorageAccount(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" });

        var grant = await new UploadAccess(account, TimeProvider.System)
            .GrantAsync(Period.Parse("2023-2024"), MunicipalityId.Parse("gatchinsky"), TimeSpan.FromDays(1), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("/devstoreaccount1/uploads/2023-2024/gatchinsky", grant.FolderUrl.AbsolutePath);
        Assert.False(string.IsNullOrEmpty(HttpUtility.ParseQueryString(grant.FolderUrl.Query)["sig"]));
    }
}
