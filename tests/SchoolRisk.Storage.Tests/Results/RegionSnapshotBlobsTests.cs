using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Storage.Results;
using SchoolRisk.Testing;

namespace SchoolRisk.Storage.Tests.Results;

public sealed class RegionSnapshotBlobsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Read_BeforeAnyRecalculationWroteOne_IsNull()
    {
        await azurite.Storage.EnsureCreatedAsync(TestContext.Current.CancellationToken);

        var snapshot = await new RegionSnapshotBlobs(azurite.Storage).ReadAsync(Period.Parse("2010-2011"), TestContext.Current.CancellationToken);

        Assert.Null(snapshot);
    }

    [Fact]
    public async Task Write_ThenRead_GivesEverySchoolsValuesAndMissingOnesStayMissing()
    {
        await azurite.Storage.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        var store = new RegionSnapshotBlobs(azurite.Storage);
        var period = Period.Parse("2011-2012");

        await store.WriteAsync(period, [Values("kirishsky", 12.5m, null), Values("luzhsky", 0m, 3.25m)], TestContext.Current.CancellationToken);
        var snapshot = await store.ReadAsync(period, TestContext.Current.CancellationToken);

        Assert.NotNull(snapshot);
        Assert.Equal(["kirishsky", "luzhsky"], snapshot.Select(school => school.MunicipalityId.ToString()));
        Assert.Equal(12.5m, snapshot[0].Values.EgeBelowMinShare);
        Assert.Null(snapshot[0].Values.OgeFailShare);
        Assert.Equal(0m, snapshot[1].Values.EgeBelowMinShare);
        Assert.Equal(3.25m, snapshot[1].Values.OgeFailShare);
        Assert.Null(snapshot[1].Values.SocialWellbeingIndex);
    }

    [Fact]
    public async Task Read_AfterTheNextRecalculationRewroteIt_GivesTheNewValuesToAReaderThatCachedTheOld()
    {
        await azurite.Storage.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        var writer = new RegionSnapshotBlobs(azurite.Storage);
        var reader = new RegionSnapshotBlobs(azurite.Storage);
        var period = Period.Parse("2012-2013");
        await writer.WriteAsync(period, [Values("kirishsky", 1m, null)], TestContext.Current.CancellationToken);
        Assert.Single((await reader.ReadAsync(period, TestContext.Current.CancellationToken))!);

        await writer.WriteAsync(period, [Values("kirishsky", 2m, null), Values("luzhsky", 3m, null)], TestContext.Current.CancellationToken);
        var snapshot = await reader.ReadAsync(period, TestContext.Current.CancellationToken);

        Assert.Equal([2m, 3m], snapshot!.Select(school => school.Values.EgeBelowMinShare));
    }

    private static SchoolValues Values(string municipalityId, decimal? egeBelowMinShare, decimal? ogeFailShare) => new(
        MunicipalityId.Parse(municipalityId),
        SchoolIndicators.Create([new(IndicatorCatalog.EgeBelowMinShare, egeBelowMinShare), new(IndicatorCatalog.OgeFailShare, ogeFailShare)]));
}
