using System.Text;
using Azure.Data.Tables;
using SchoolRisk.Cli;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Uploads;
using SchoolRisk.Testing;

namespace SchoolRisk.EndToEnd.Tests.Faults;

/// <summary>
/// The function app is killed in the middle of an upload, as a crash would; the Functions host (here the local host)
/// starts it again and retries: the upload completes, with one notice and one letter.
/// </summary>
public sealed class WorkerCrashTests : IAsyncLifetime
{
    private const int Schools = 12_000;
    private static readonly Period Period = Period.Parse("2023-2024");
    private LocalDeployment? _deployment;

    private LocalDeployment Deployment => _deployment!;

    public async ValueTask InitializeAsync() => _deployment = await TestDeployment.StartAsync(TestDeployment.RegistryOfOne("gatchinsky", Schools));

    public async ValueTask DisposeAsync()
    {
        if (_deployment is not null)
        {
            await _deployment.DisposeAsync();
        }
    }

    [Fact]
    public async Task WorkerKilledWhileWritingResults_UploadStaysProcessing_AndTheRetryCompletesItWithOneNoticeAndOneLetter()
    {
        var csv = new StringBuilder("school_id,ege_below_min_share\n");
        for (var n = 1; n <= Schools; n++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"gatchinsky-{n:00000},{(n % 100 == 0 ? 12 : 1)}\n");
        }

        using (var content = new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())))
        {
            await new UploadBlobs(Deployment.Storage).UploadAsync("2023-2024/gatchinsky/big.csv", content, TestContext.Current.CancellationToken);
        }

        var results = Deployment.Storage.Tables.GetTableClient(Deployment.Storage.Options.ResultsTable);
        await Poll.UntilAsync(
            async () => await results.QueryAsync<TableEntity>(maxPerPage: 1, select: ["RowKey"], cancellationToken: TestContext.Current.CancellationToken)
                .AnyAsync(TestContext.Current.CancellationToken),
            any => any, "the first results to be written", TimeSpan.FromMinutes(2));
        Deployment.Worker.Kill();
        var atCrash = Assert.Single(await Uploads());

        Assert.Equal(UploadStatus.Processing, atCrash.Status);
        var completed = await Poll.UntilAsync(
            async () => Assert.Single(await Uploads()), upload => upload.Status == UploadStatus.Completed,
            "the retry to complete the upload", TimeSpan.FromMinutes(3));
        await Poll.UntilAsync(
            () => new NotificationTable(Deployment.Storage, TimeProvider.System).ListAsync(Period, TestContext.Current.CancellationToken)
                .ToListAsync(TestContext.Current.CancellationToken).AsTask(),
            notices => notices.Count > 0 && notices.All(notice => notice.Status == "Delivered"), "the notice delivered");
        var stored = await new ResultTable(Deployment.Storage, TimeProvider.System)
            .ListAsync(Period, MunicipalityId.Parse("gatchinsky"), TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.True(Deployment.Worker.Restarts >= 1);
        Assert.Equal(Schools, completed.SchoolCount);
        Assert.Equal(Schools, stored.Count);
        Assert.All(stored, result => Assert.Equal(completed.UploadId, result.UploadId));
        Assert.Equal(Schools / 100, stored.Count(result => result.OverallZone == Domain.Zones.Zone.High));
        Assert.Single(await new NotificationTable(Deployment.Storage, TimeProvider.System)
            .ListAsync(Period, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Single(await Deployment.Mail.ListAsync(TestContext.Current.CancellationToken), letter => letter.To.Contains("gatchinsky@edu.example.ru"));
    }

    private async Task<List<UploadRecord>> Uploads() =>
        await new UploadStatusTable(Deployment.Storage).ListAsync(Period, MunicipalityId.Parse("gatchinsky"), TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);
}
