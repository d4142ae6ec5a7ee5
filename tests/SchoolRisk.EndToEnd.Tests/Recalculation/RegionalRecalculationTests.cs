using SchoolRisk.Cli;
using SchoolRisk.Cli.Samples;
using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Uploads;
using SchoolRisk.Testing;

namespace SchoolRisk.EndToEnd.Tests.Recalculation;

/// <summary>All 18 municipalities' sample uploads (schools and rubrics) at once: each is classified against the region as it stands, and the recalculations make the period consistent.</summary>
public sealed class RegionalRecalculationTests : IAsyncLifetime
{
    private LocalDeployment? _deployment;

    /// <summary>Each sample school's programme level, by school id, from the registry's <c>level</c> column.</summary>
    private static async Task<Dictionary<string, string>> RegistryAsync()
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(TestDeployment.RepositoryRoot, "samples", "registry", "schools.csv"), TestContext.Current.CancellationToken);
        var level = Array.IndexOf(lines[0].Split(','), "level");
        return lines.Skip(1).Select(line => line.Split(',')).ToDictionary(cells => cells[0], cells => cells[level]);
    }

    public async ValueTask InitializeAsync() => _deployment = await TestDeployment.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_deployment is not null)
        {
            await _deployment.DisposeAsync();
        }
    }

    [Fact]
    public async Task AfterAllUploads_LowResultsAreExactlyTheSchoolsAtOrBelowTheWholeRegionsTenthPercentile()
    {
        var storage = _deployment!.Storage;
        var uploaded = await _deployment!.UploadSamplePeriodAsync();

        var period = Period.Parse(SampleRegion.Period);
        await Poll.UntilAsync(
            async () => (await new UploadStatusTable(storage).ListAsync(period, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken))
                .Count(upload => upload.Status == UploadStatus.Completed),
            completed => completed == uploaded, "every sample upload (schools and rubrics) to complete", TimeSpan.FromMinutes(2));
        // An upload is marked completed just before the host writes its recalculation request, and a recalculation rewrites
        // the region municipality by municipality, so the results are polled until they hold the properties of one
        // whole-region run: low results exactly at or below the region's 10th percentile, ranks 1..n within each kind.
        var registry = await RegistryAsync();
        var results = await Poll.UntilAsync(
            () => new ResultTable(storage, TimeProvider.System).ListAsync(period, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken).AsTask(),
            results => results.Count == 329 && LowResults(results).SequenceEqual(AtOrBelowTenthPercentile(results))
                && new[] { "secondary", "basic" }.All(level => RanksOf(results, registry, level).SequenceEqual(Enumerable.Range(1, RanksOf(results, registry, level).Count))),
            "the results of one whole-region recalculation", TimeSpan.FromMinutes(2));

        Assert.InRange(AtOrBelowTenthPercentile(results).Count, 30, 36);

        // The last recalculation left the values it read as the region's snapshot, which the next upload classifies against.
        var snapshot = await Poll.UntilAsync(
            () => new RegionSnapshotBlobs(storage).ReadAsync(period, TestContext.Current.CancellationToken),
            snapshot => snapshot?.Count == results.Count, "the region's snapshot of the whole period", TimeSpan.FromMinutes(1));
        Assert.Equal(
            results.GroupBy(r => r.MunicipalityId).ToDictionary(group => group.Key, group => group.Count()),
            snapshot!.GroupBy(school => school.MunicipalityId).ToDictionary(group => group.Key, group => group.Count()));

        // The integrated assessment: ranks 1..n within each kind of school, TOP-100 and TOP-25, five leaders each.
        foreach (var (level, top) in new[] { ("secondary", 100), ("basic", 25) })
        {
            var ranked = results.Where(r => registry[r.SchoolId.ToString()] == level && r.Assessment.Rank is not null).ToList();
            Assert.Equal(Enumerable.Range(1, ranked.Count), ranked.Select(r => r.Assessment.Rank!.Value).Order());
            Assert.Equal(Math.Min(top, ranked.Count), ranked.Count(r => r.Assessment.Top));
            Assert.Equal(5, ranked.Count(r => r.Assessment.Leader));
            Assert.All(ranked.Where(r => r.Assessment.Leader), leader =>
                Assert.All(ranked.Where(r => !r.Assessment.Leader), other => Assert.True(leader.Assessment.Composite >= other.Assessment.Composite)));
        }
    }

    private static List<int> RanksOf(List<StoredResult> results, Dictionary<string, string> registry, string level) =>
        [.. results.Where(r => registry[r.SchoolId.ToString()] == level && r.Assessment.Rank is not null).Select(r => r.Assessment.Rank!.Value).Order()];

    private static List<string> LowResults(List<StoredResult> results) =>
        [.. results.Where(r => r.Classification.LowResults).Select(r => r.SchoolId.ToString()).Order(StringComparer.Ordinal)];

    private static List<string> AtOrBelowTenthPercentile(List<StoredResult> results)
    {
        var tenth = new Distribution(results.Select(r => r.Classification.ResultsIndex).OfType<decimal>()).At(10);
        return [.. results.Where(r => r.Classification.ResultsIndex <= tenth).Select(r => r.SchoolId.ToString()).Order(StringComparer.Ordinal)];
    }
}
