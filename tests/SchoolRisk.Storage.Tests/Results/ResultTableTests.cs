using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Storage.Results;
using SchoolRisk.Testing;

namespace SchoolRisk.Storage.Tests.Results;

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
        var stored = await table.ListAsync(Period, MunicipalityId.Parse("luzhsky"), TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(150, stored.Count);
        var first = stored.Single(result => result.SchoolId == SchoolId.Parse("luzhsky-000"));
        Assert.Equal(Zone.High, first.OverallZone);
        Assert.Equal(TestIds.Upload("u1"), first.UploadId);
        Assert.Equal(TestIds.Version("v1"), first.RuleSetVersion);
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
        var stored = await table.ListAsync(Period, MunicipalityId.Parse("kirishsky"), TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(3, stored.Count);
        Assert.All(stored, result => Assert.Equal(TestIds.Upload("u2"), result.UploadId));
    }

    [Fact]
    public async Task ReadInputs_SplitOverSomeIds_ReadsEveryMunicipalityOfThePeriodAndNoOther()
    {
        var storage = azurite.Storage;
        await storage.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        var table = new ResultTable(storage, TimeProvider.System);
        var period = Period.Parse("2019-2020");
        string[] municipalities = ["a-first", "b-listed", "c-listed", "d-listed", "zz-last"];
        foreach (var municipality in municipalities)
        {
            await table.UpsertAsync(Upload(municipality, 3, $"u-{municipality}", period), TestContext.Current.CancellationToken);
        }

        await table.UpsertAsync(Upload("b-listed", 3, "u-next", Period.Parse("2020-2021")), TestContext.Current.CancellationToken);

        var inputs = await table.ReadInputsAsync(period, [.. new[] { "b-listed", "c-listed", "d-listed" }.Select(MunicipalityId.Parse)], TestContext.Current.CancellationToken);

        Assert.Equal(15, inputs.Count);
        Assert.Equal(municipalities, inputs.Select(input => input.MunicipalityId.ToString()).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(15, inputs.Select(input => input.SchoolId).Distinct().Count());
        Assert.All(inputs, input =>
        {
            Assert.Equal(TestIds.Upload($"u-{input.MunicipalityId}"), input.UploadId);
            Assert.Equal(12.5m, input.Values.EgeBelowMinShare);
            Assert.Equal(Zone.High, input.OverallZone);
            Assert.NotEmpty(input.ETag);
        });
    }

    private static EvaluatedUpload Upload(string municipality, int schools, string uploadId) => Upload(municipality, schools, uploadId, Period);

    private static EvaluatedUpload Upload(string municipality, int schools, string uploadId, Period period)
    {
        var evaluations = Enumerable.Range(0, schools).Select(number =>
        {
            var row = new SchoolRow(number + 2, SchoolId.Parse($"{municipality}-{number:000}"), $"Школа № {number}", new SchoolIndicators { EgeBelowMinShare = 12.5m });
            return new SchoolEvaluation(row, [new IndicatorFinding("ege_below_min_share", 12.5m, Zone.High, 10m, "ege_below_min_share.high")], Zone.High);
        }).ToList();
        return new EvaluatedUpload(new UploadPath(period, MunicipalityId.Parse(municipality), "schools.csv"), TestIds.Upload(uploadId), TestIds.Version("v1"), evaluations);
    }
}
