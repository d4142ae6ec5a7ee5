using System.Globalization;
using System.Text;
using SchoolRisk.Cli;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Uploads;
using SchoolRisk.Testing;

namespace SchoolRisk.EndToEnd.Tests.Uploads;

/// <summary>
/// Two large uploads of one municipality and period written at once, as two <c>schoolrisk uploads put</c> in parallel
/// would: their processing overlaps, and the later blob must still win as it does one after the other.
/// </summary>
public sealed class ConcurrentUploadTests : IAsyncLifetime
{
    private const string Municipality = "gatchinsky";
    private const int RegisteredSchools = 12_000;
    private static readonly Period Period = Period.Parse("2024-2025");
    private LocalDeployment? _deployment;

    private LocalDeployment Deployment => _deployment!;

    public async ValueTask InitializeAsync() => _deployment = await TestDeployment.StartAsync(TestDeployment.RegistryOfOne(Municipality, RegisteredSchools));

    public async ValueTask DisposeAsync()
    {
        if (_deployment is not null)
        {
            await _deployment.DisposeAsync();
        }
    }

    [Fact]
    public async Task TwoLargeUploadsAtOnce_TheLaterBlobIsCurrentWithOnlyItsSchools_TheEarlierSupersededByIt()
    {
        // 10,000 and 9,600 schools, overlapping in part, so whose rows remain tells the uploads apart.
        var blobs = new UploadBlobs(Deployment.Storage);
        await Deployment.UploadAsync($"{Period}/{Municipality}/first.csv", Csv(first: 1, last: 10_000));
        var firstCreated = (await blobs.GetInfoAsync($"{Period}/{Municipality}/first.csv", TestContext.Current.CancellationToken))!.CreatedOn;
        // A blob's creation time is stored to the second: the second file must be created in a later one to be the later blob.
        await Poll.UntilAsync(() => Task.FromResult(TimeProvider.System.GetUtcNow()), now => now >= firstCreated.AddSeconds(1), "the next second");
        await Deployment.UploadAsync($"{Period}/{Municipality}/second.csv", Csv(first: 2_401, last: 12_000));

        var history = await Poll.UntilAsync(
            Uploads, uploads => uploads.Count == 2 && uploads.All(upload => upload.Status is UploadStatus.Completed or UploadStatus.Superseded or UploadStatus.Rejected or UploadStatus.Duplicate),
            "both uploads decided", TimeSpan.FromMinutes(5));
        var results = await new ResultTable(Deployment.Storage, TimeProvider.System)
            .ListAsync(Period, MunicipalityId.Parse(Municipality), TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        var earlier = history.Single(upload => upload.BlobName.EndsWith("first.csv", StringComparison.Ordinal));
        var later = history.Single(upload => upload.BlobName.EndsWith("second.csv", StringComparison.Ordinal));
        Assert.Equal(
            (UploadStatus.Superseded, later.UploadId, UploadStatus.Completed),
            (earlier.Status, earlier.SupersededBy, later.Status));
        Assert.Equal(9_600, later.SchoolCount);
        Assert.Equal(9_600, results.Count);
        Assert.All(results, result => Assert.Equal(later.UploadId, result.UploadId));
        Assert.Equal(
            Enumerable.Range(2_401, 9_600).Select(SchoolId),
            results.Select(result => result.SchoolId.ToString()).Order(StringComparer.Ordinal));
    }

    private static string Csv(int first, int last)
    {
        var csv = new StringBuilder("school_id,ege_below_min_share\n");
        for (var n = first; n <= last; n++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{SchoolId(n)},{(n % 100 == 0 ? 12 : 1)}\n");
        }

        return csv.ToString();
    }

    private static string SchoolId(int n) => string.Create(CultureInfo.InvariantCulture, $"{Municipality}-{n:00000}");

    private async Task<List<UploadRecord>> Uploads() =>
        await new UploadStatusTable(Deployment.Storage).ListAsync(Period, MunicipalityId.Parse(Municipality), TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);
}
