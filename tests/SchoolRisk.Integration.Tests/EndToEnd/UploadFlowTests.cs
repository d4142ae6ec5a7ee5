using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Integration.Tests.Support;
using SchoolRisk.Storage.Events;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Uploads;

namespace SchoolRisk.Integration.Tests.EndToEnd;

/// <summary>Uploads go to the uploads container exactly as a municipality's would; everything after is the workflow's own doing.</summary>
public sealed class UploadFlowTests(DeploymentFixture fixture) : IClassFixture<DeploymentFixture>
{
    private static readonly Period Period = Period.Parse("2023-2024");

    [Fact]
    public async Task SampleUpload_ResultsInTableStorage_AndOneNoticeRecorded()
    {
        var storage = fixture.Deployment.Storage;
        var file = Path.Combine(fixture.RepositoryRoot, "samples", "uploads", "2023-2024", "gatchinsky", "schools.csv");
        var expectedSchools = File.ReadAllLines(file).Length - 1;

        await UploadAsync("2023-2024/gatchinsky/schools.csv", await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken));
        var results = await Poll.UntilAsync(
            () => new ResultTable(storage, TimeProvider.System).ListAsync(Period, "gatchinsky", TestContext.Current.CancellationToken)
                .ToListAsync(TestContext.Current.CancellationToken).AsTask(),
            rows => rows.Count == expectedSchools, $"{expectedSchools} results for gatchinsky");
        var notice = await Poll.UntilAsync(
            () => Notices("gatchinsky"), notices => notices.Count > 0, "the gatchinsky notice");
        var upload = Assert.Single(await Uploads("gatchinsky"));

        // gatchinsky-002 has ЕГЭ below minimum 7.7% (medium from 5), ОГЭ "2" 7.4% (medium), medalists 34.0% (medium from 25).
        var school = results.Single(r => r.SchoolId == "gatchinsky-002");
        Assert.Equal("МОУ «Гатчинская СОШ № 2»", school.SchoolName);
        Assert.Equal(new IndicatorResult(7.7m, Zone.Medium), school.Indicators["ege_below_min_share"]);
        Assert.Equal(new IndicatorResult(34.0m, Zone.Medium), school.Indicators["medalists_below70_share"]);
        Assert.Equal(Zone.Medium, school.OverallZone);
        Assert.Equal(UploadStatus.Completed, upload.Status);
        Assert.Equal(expectedSchools, upload.SchoolCount);
        Assert.Equal(upload.HighCount, results.Count(r => r.OverallZone == Zone.High));
        Assert.Equal(upload.MediumCount, results.Count(r => r.OverallZone == Zone.Medium));
        Assert.All(results, r => Assert.Equal(upload.RuleSetVersion, r.RuleSetVersion));
        var recorded = Assert.Single(notice);
        Assert.Equal(upload.UploadId, recorded.UploadId);
        Assert.Equal(upload.HighCount, recorded.HighCount);
        Assert.Equal(upload.MediumCount, recorded.MediumCount);
    }

    [Fact]
    public async Task SameEventDeliveredAgain_EvaluatesAgainButRecordsNoSecondNotice()
    {
        var csv = "school_id,school_name,ege_below_min_share\nkirovsky-001,Школа,12\n";
        await UploadAsync("2023-2024/kirovsky/schools.csv", Encoding.UTF8.GetBytes(csv));
        await Poll.UntilAsync(() => Notices("kirovsky"), notices => notices.Count == 1, "the kirovsky notice");
        var first = Assert.Single(await Uploads("kirovsky"));
        var queues = new QueueServiceClient(fixture.Deployment.ConnectionString);
        var blob = new BlobContainerClient(fixture.Deployment.ConnectionString, "uploads").GetBlobClient("2023-2024/kirovsky/schools.csv");
        var eTag = (await blob.GetPropertiesAsync(cancellationToken: TestContext.Current.CancellationToken)).Value.ETag;

        await queues.GetQueueClient("upload-events").SendMessageAsync(
            BlobCreatedEventJson("uploads", "2023-2024/kirovsky/schools.csv", eTag.ToString()), TestContext.Current.CancellationToken);
        var again = await Poll.UntilAsync(
            async () => Assert.Single(await Uploads("kirovsky")),
            upload => upload.UpdatedAt > first.UpdatedAt && upload.Status == UploadStatus.Completed, "the redelivered event to be evaluated");
        await Poll.UntilAsync(
            async () => (await queues.GetQueueClient("risk-notifications").GetPropertiesAsync(TestContext.Current.CancellationToken)).Value.ApproximateMessagesCount,
            count => count == 0, "the repeated notice to be consumed by Notify");

        Assert.Equal(first.UploadId, again.UploadId);
        Assert.Single(await Notices("kirovsky"));
        Assert.DoesNotContain("2023-2024/kirovsky/schools.csv", await PoisonedBlobNames());
    }

    [Fact]
    public async Task UnreadableUpload_FailsWithAReasonInRussian_GoesToPoison_AndTheOriginalIsKept()
    {
        var content = Encoding.UTF8.GetBytes("school_id,ege_below_min_share\nluzhsky-001,много\n");
        await UploadAsync("2023-2024/luzhsky/schools.csv", content);

        var upload = await Poll.UntilAsync(
            async () => (await Uploads("luzhsky")).SingleOrDefault(), u => u?.Status == UploadStatus.Failed, "the luzhsky upload to fail");
        var poisoned = await Poll.UntilAsync(
            PoisonedBlobNames,
            names => names.Contains("2023-2024/luzhsky/schools.csv"), "the luzhsky event in upload-events-poison", TimeSpan.FromSeconds(90));

        Assert.Equal("Файл «schools.csv», строка 2, столбец «ege_below_min_share»: значение «много» не является числом.", upload!.Error);
        Assert.Contains("2023-2024/luzhsky/schools.csv", poisoned);
        var blob = new BlobContainerClient(fixture.Deployment.ConnectionString, "uploads").GetBlobClient("2023-2024/luzhsky/schools.csv");
        Assert.Equal(content, (await blob.DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content.ToArray());
        Assert.Empty(await Notices("luzhsky"));
    }

    [Fact]
    public async Task UploadOutsideThePeriodMunicipalityLayout_IsRecordedAsFailed()
    {
        await UploadAsync("schools.csv", Encoding.UTF8.GetBytes("school_id\n"));

        var unrouted = await Poll.UntilAsync(
            () => new UploadStatusTable(fixture.Deployment.Storage).ListUnroutedAsync(TestContext.Current.CancellationToken)
                .ToListAsync(TestContext.Current.CancellationToken).AsTask(),
            uploads => uploads.Count > 0, "the unrouted upload's status");

        var upload = Assert.Single(unrouted);
        Assert.Equal(UploadStatus.Failed, upload.Status);
        Assert.StartsWith("Файл «schools.csv» загружен не по адресу", upload.Error, StringComparison.Ordinal);
    }

    private async Task UploadAsync(string blobName, byte[] content)
    {
        using var stream = new MemoryStream(content);
        await new UploadBlobStore(fixture.Deployment.Storage).UploadAsync(blobName, stream, TestContext.Current.CancellationToken);
    }

    private async Task<List<string>> PoisonedBlobNames()
    {
        var poison = new QueueServiceClient(fixture.Deployment.ConnectionString).GetQueueClient("upload-events-poison");
        var messages = (await poison.PeekMessagesAsync(32, TestContext.Current.CancellationToken)).Value;
        return [.. messages.Select(message => BlobCreatedEventParser.Parse(message.MessageText)!.BlobName)];
    }

    private async Task<List<RecordedNotice>> Notices(string municipality) =>
        (await new NotificationTable(fixture.Deployment.Storage, TimeProvider.System).ListAsync(Period, TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken)).Where(n => n.MunicipalityId == municipality).ToList();

    private async Task<List<UploadRecord>> Uploads(string municipality) =>
        (await new UploadStatusTable(fixture.Deployment.Storage).ListAsync(Period, TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken)).Where(u => u.MunicipalityId == municipality).ToList();

    private static string BlobCreatedEventJson(string container, string blobName, string eTag) => JsonSerializer.Serialize(new
    {
        id = Guid.NewGuid().ToString(),
        topic = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/local/providers/Microsoft.Storage/storageAccounts/devstoreaccount1",
        subject = $"/blobServices/default/containers/{container}/blobs/{blobName}",
        eventType = "Microsoft.Storage.BlobCreated",
        eventTime = "2026-11-23T10:00:00Z",
        data = new { api = "PutBlob", eTag, contentType = "text/csv", contentLength = 1, blobType = "BlockBlob", url = $"http://127.0.0.1/devstoreaccount1/{container}/{blobName}" },
        dataVersion = string.Empty,
        metadataVersion = "1",
    });
}
