using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Storage.Municipalities;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Rubrics;
using SchoolRisk.Storage.Uploads;
using SchoolRisk.Testing;

namespace SchoolRisk.EndToEnd.Tests.Uploads;

/// <summary>Rubric scores arrive in their own upload kind, under <c>{period}/{municipality}/rubrics/</c>, through the local host.</summary>
public sealed class RubricUploadTests(DeploymentFixture fixture) : IClassFixture<DeploymentFixture>
{
    private const string Municipality = "lodeynopolsky";
    private static readonly Period Period = Period.Parse("2023-2024");

    [Fact]
    public async Task RubricInItsLowBand_PutsTheMunicipalityInTheRiskZone_ACorrectedUploadTakesItOut_SchoolUploadUntouched()
    {
        await fixture.Deployment.UploadAsync($"2023-2024/{Municipality}/schools.csv", "school_id,ege_below_min_share\nlodeynopolsky-001,1\n");
        var schools = await Poll.UntilAsync(() => Uploads(), uploads => uploads.Any(u => u.Status == UploadStatus.Completed), "the school upload");
        var items = string.Join(';', Enumerable.Range(1, 12).Select(item => $"п{item}"));
        var low = "young_teachers;;1;1;1;0;0;0;0;1;1;0;0;";
        var elevenOfTwelve = "methodological_associations;;2;2;2;2;2;2;2;2;2;2;2;";
        var service = "methodological_service;;2;2;2;2;2;2;2;2;2;2;2;2";

        await fixture.Deployment.UploadAsync($"2023-2024/{Municipality}/rubrics/rubrics.csv", $"Рубрика;Объект;{items}\n{low}\n{elevenOfTwelve}\n{service}\n");
        var first = await Poll.UntilAsync(() => RubricUpload(), upload => upload?.Status == UploadStatus.Completed, "the rubric upload");
        var notice = await Poll.UntilAsync(() => Notices(), notices => notices.Any(n => n.UploadId == first!.UploadId.ToString()), "the rubric notice");
        var rubrics = await Rubrics();
        var municipal = await Summary();

        Assert.Equal((2, 1, 1, 1), (first!.RubricCount, first.SkippedRows, first.ProblemCount, first.HighCount));
        Assert.NotNull(first.ReportCsv);
        Assert.Equal([("methodological_service", "high", 24), ("young_teachers", "low", 5)], rubrics.Select(r => (r.RubricId, r.Band, r.Scores.Total)).Order());
        Assert.Equal((Zone.None, Zone.High, Zone.High), (municipal.SchoolZone, municipal.RubricZone, municipal.Zone));
        Assert.Equal((1, schools.Single().UploadId), (municipal.Schools, municipal.UploadId));
        var recorded = notice.Single(n => n.UploadId == first.UploadId.ToString());
        Assert.Equal((NoticeKind.RubricsEvaluated, 1, 1), (recorded.Kind, recorded.HighCount, recorded.ProblemCount));

        await fixture.Deployment.UploadAsync($"2023-2024/{Municipality}/rubrics/rubrics-corrected.csv", $"Рубрика;Объект;{items}\n{service}\n{service.Replace("methodological_service", "young_teachers", StringComparison.Ordinal)[..^2]}\n");
        var corrected = await Poll.UntilAsync(
            () => Uploads(), uploads => uploads.Count(u => u.BlobName.Contains("rubrics/", StringComparison.Ordinal) && u.Status == UploadStatus.Completed) == 1
                && uploads.Any(u => u.BlobName.EndsWith("rubrics-corrected.csv", StringComparison.Ordinal) && u.Status == UploadStatus.Completed),
            "the corrected rubric upload to supersede the first");

        Assert.Equal(UploadStatus.Superseded, corrected.Single(u => u.UploadId == first.UploadId).Status);
        Assert.Equal(UploadStatus.Completed, corrected.Single(u => u.UploadId == schools.Single().UploadId).Status);
        Assert.Equal([("methodological_service", "high"), ("young_teachers", "high")], (await Rubrics()).Select(r => (r.RubricId, r.Band)).Order());
        Assert.Equal(Zone.None, (await Summary()).Zone);
    }

    private async Task<List<UploadRecord>> Uploads() =>
        await new UploadStatusTable(fixture.Deployment.Storage).ListAsync(Period, MunicipalityId.Parse(Municipality), TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);

    private async Task<UploadRecord?> RubricUpload() =>
        (await Uploads()).SingleOrDefault(u => u.BlobName.EndsWith("rubrics/rubrics.csv", StringComparison.Ordinal));

    private async Task<List<StoredRubric>> Rubrics() =>
        await new RubricTable(fixture.Deployment.Storage, TimeProvider.System).ListAsync(Period, TestContext.Current.CancellationToken)
            .Where(r => r.MunicipalityId.ToString() == Municipality).ToListAsync(TestContext.Current.CancellationToken);

    private async Task<MunicipalSummary> Summary() =>
        await new MunicipalityTable(fixture.Deployment.Storage, TimeProvider.System).ListAsync(Period, TestContext.Current.CancellationToken)
            .SingleAsync(m => m.MunicipalityId.ToString() == Municipality, TestContext.Current.CancellationToken);

    private async Task<List<RecordedNotice>> Notices() =>
        await new NotificationTable(fixture.Deployment.Storage, TimeProvider.System).ListAsync(Period, TestContext.Current.CancellationToken)
            .Where(n => n.MunicipalityId.ToString() == Municipality).ToListAsync(TestContext.Current.CancellationToken);
}
