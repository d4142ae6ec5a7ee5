using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Integration.Tests.Support;
using SchoolRisk.Storage.Results;

namespace SchoolRisk.Integration.Tests.Storage;

public sealed class ResultTableTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly Period Period = Period.Parse("2023-2024");

    [Fact]
    public async Task Upsert_ThenList_ReturnsOneWideEntityPerSchoolWithValuesAndZones()
    {
        var storage = azurite.Storage;
        await storage.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        var table = new ResultTable(storage, TimeProvider.System);
        var upload = Upload("luzhsky", 150, "u1");

        await table.UpsertAsync(upload, TestContext.Current.CancellationToken);
        var stored = await table.ListAsync(Period, "luzhsky", TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(150, stored.Count);
        var first = stored.Single(result => result.SchoolId == "luzhsky-000");
        Assert.Equal(Zone.High, first.OverallZone);
        Assert.Equal("u1", first.UploadId);
        Assert.Equal("v1", first.RuleSetVersion);
        Assert.Equal(new IndicatorResult(12.5m, Zone.High), first.Indicators["ege_below_min_share"]);
        Assert.Equal(new IndicatorResult(null, Zone.None), first.Indicators["oge_fail_share"]);
    }

    [Fact]
    public async Task Upsert_SameUploadTwice_RewritesTheSameRows()
    {
        var storage = azurite.Storage;
        await storage.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        var table = new ResultTable(storage, TimeProvider.System);

        await table.UpsertAsync(Upload("kirishsky", 3, "u1"), TestContext.Current.CancellationToken);
        await table.UpsertAsync(Upload("kirishsky", 3, "u2"), TestContext.Current.CancellationToken);
        var stored = await table.ListAsync(Period, "kirishsky", TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(3, stored.Count);
        Assert.All(stored, result => Assert.Equal("u2", result.UploadId));
    }

    private static EvaluatedUpload Upload(string municipality, int schools, string uploadId)
    {
        var evaluations = Enumerable.Range(0, schools).Select(number =>
        {
            var row = new SchoolRow(number + 2, $"{municipality}-{number:000}", $"Школа № {number}", new SchoolIndicators { EgeBelowMinShare = 12.5m });
            return new SchoolEvaluation(row, [new IndicatorFinding("ege_below_min_share", 12.5m, Zone.High, 10m, "ege_below_min_share.high")], Zone.High);
        }).ToList();
        return new EvaluatedUpload(new UploadPath(Period, municipality, "schools.csv"), uploadId, "v1", evaluations);
    }
}
