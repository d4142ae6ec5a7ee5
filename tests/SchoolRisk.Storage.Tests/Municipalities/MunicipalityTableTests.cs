using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Storage.Municipalities;
using SchoolRisk.Testing;

namespace SchoolRisk.Storage.Tests.Municipalities;

public sealed class MunicipalityTableTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly Period Period = Period.Parse("2018-2019");

    [Fact]
    public async Task Update_FromAStaleSnapshot_ReadsTheRowAgainAndKeepsTheOtherWritersPart()
    {
        var table = await TableAsync();
        await table.UpdateAsync(Period, MunicipalityId.Parse("lodeynopolsky"), _ => Schools("lodeynopolsky", "u1", Zone.None), TestContext.Current.CancellationToken);
        var snapshot = await table.SnapshotAsync(Period, TestContext.Current.CancellationToken);
        await table.UpdateAsync(Period, MunicipalityId.Parse("lodeynopolsky"), existing => existing! with { RubricZone = Zone.High }, TestContext.Current.CancellationToken);

        var written = await table.UpdateAsync(
            Period, MunicipalityId.Parse("lodeynopolsky"), existing => Schools("lodeynopolsky", "u2", Zone.Medium).KeepingRubricsOf(existing), snapshot[MunicipalityId.Parse("lodeynopolsky")], TestContext.Current.CancellationToken);

        var stored = (await table.SnapshotAsync(Period, TestContext.Current.CancellationToken))[MunicipalityId.Parse("lodeynopolsky")].Summary;
        Assert.Equal(written, stored);
        Assert.Equal(((UploadId?)TestIds.Upload("u2"), Zone.Medium, Zone.High), (stored.UploadId, stored.SchoolZone, stored.RubricZone));
    }

    [Fact]
    public async Task Update_ThatChangesNothing_WritesNothing()
    {
        var table = await TableAsync();
        await table.UpdateAsync(Period, MunicipalityId.Parse("podporozhsky"), _ => Schools("podporozhsky", "u1", Zone.High), TestContext.Current.CancellationToken);
        var before = (await table.SnapshotAsync(Period, TestContext.Current.CancellationToken))[MunicipalityId.Parse("podporozhsky")];

        await table.UpdateAsync(Period, MunicipalityId.Parse("podporozhsky"), _ => Schools("podporozhsky", "u1", Zone.High), before, TestContext.Current.CancellationToken);

        Assert.Equal(before, (await table.SnapshotAsync(Period, TestContext.Current.CancellationToken))[MunicipalityId.Parse("podporozhsky")]);
    }

    private async Task<MunicipalityTable> TableAsync()
    {
        await azurite.Storage.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        return new MunicipalityTable(azurite.Storage, TimeProvider.System);
    }

    private static MunicipalSummary Schools(string municipalityId, string uploadId, Zone zone) =>
        new(MunicipalityId.Parse(municipalityId), Period, TestIds.Upload(uploadId), 10, 50m, null, 10m, null, null, zone == Zone.High ? 10m : 0, zone == Zone.Medium ? 20m : 0, 0, zone);
}
