using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Testing;

namespace SchoolRisk.Storage.Tests.Notifications;

public sealed class NotificationTableTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task TryAdd_SameNoticeTwice_RecordsItOnce()
    {
        var storage = azurite.Storage;
        await storage.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        var table = new NotificationTable(storage, TimeProvider.System);
        var period = Period.Parse("2023-2024");
        var notice = new MunicipalityNotice("2023-2024_u1_v1", MunicipalityId.Parse("tosnensky"), period, "u1", "2023-2024/tosnensky/schools.csv",
            NoticeKind.Evaluated, TestIds.Version("v1"), 16, [new RiskSchool(SchoolId.Parse("tosnensky-001"), "Школа", Zone.High, [])], null);

        var first = await table.TryAddAsync(notice, TestContext.Current.CancellationToken);
        var second = await table.TryAddAsync(notice, TestContext.Current.CancellationToken);
        var recorded = await table.ListAsync(period, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.True(first);
        Assert.False(second);
        var only = Assert.Single(recorded);
        Assert.Equal(1, only.HighCount);
        Assert.Equal("tosnensky", only.MunicipalityId.ToString());
    }
}
