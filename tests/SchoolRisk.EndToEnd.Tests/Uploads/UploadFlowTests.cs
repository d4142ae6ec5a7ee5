using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Storage.Municipalities;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Reports;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Uploads;
using SchoolRisk.Testing;

namespace SchoolRisk.EndToEnd.Tests.Uploads;

/// <summary>Uploads go to the uploads container exactly as a municipality's would; everything after is the workflow's own doing.</summary>
public sealed class UploadFlowTests(DeploymentFixture fixture) : IClassFixture<DeploymentFixture>
{
    private static readonly Period Period = Period.Parse("2023-2024");

    [Fact]
    public async Task SampleUpload_ResultsInTableStorage_AndOneNoticeRecorded()
    {
        var storage = fixture.Deployment.Storage;
        var file = Path.Combine(TestDeployment.RepositoryRoot, "samples", "uploads", "2023-2024", "gatchinsky", "schools.csv");
        const int expectedSchools = 36;

        await UploadAsync("2023-2024/gatchinsky/schools.csv", await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken));
        var results = await Poll.UntilAsync(
            () => new ResultTable(storage, TimeProvider.System).ListAsync(Period, MunicipalityId.Parse("gatchinsky"), TestContext.Current.CancellationToken)
                .ToListAsync(TestContext.Current.CancellationToken).AsTask(),
            rows => rows.Count == expectedSchools, $"{expectedSchools} results for gatchinsky");
        var notice = await Poll.UntilAsync(
            () => Notices("gatchinsky"), notices => notices.Count > 0, "the gatchinsky notice");
        var upload = Assert.Single(await Uploads("gatchinsky"));

        // gatchinsky-002 has ЕГЭ below minimum 7.7% (medium from 5), ОГЭ "2" 7.4% (medium), medalists 34.0% (medium from 25).
        var school = results.Single(r => r.SchoolId == SchoolId.Parse("gatchinsky-002"));
        Assert.Equal("МОУ «Гатчинская СОШ № 2»", school.SchoolName);
        Assert.Equal(new IndicatorResult(7.7m, Zone.Medium), school.Indicators["ege_below_min_share"]);
        Assert.Equal(new IndicatorResult(34.0m, Zone.Medium), school.Indicators["medalists_below70_share"]);
        Assert.NotEqual(Zone.None, school.OverallZone);
        Assert.Equal(UploadStatus.Completed, upload.Status);
        Assert.Equal(expectedSchools, upload.SchoolCount);
        Assert.Equal(upload.HighCount, results.Count(r => r.OverallZone == Zone.High));
        Assert.Equal(upload.MediumCount, results.Count(r => r.OverallZone == Zone.Medium));
        Assert.All(results, r => Assert.Equal(upload.RuleSetVersion, r.RuleSetVersion));
        Assert.All(results, r => Assert.NotNull(r.Classification.ResultsIndex));
        Assert.InRange(results.Count(r => r.Classification.LowResults), 1, 8);
        Assert.All(results.Where(r => r.Classification.LowResults), r => Assert.Equal(Zone.High, r.OverallZone));
        var municipal = Assert.Single(await new MunicipalityTable(storage, TimeProvider.System).ListAsync(Period, TestContext.Current.CancellationToken)
            .Where(m => m.MunicipalityId.ToString() == "gatchinsky").ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal((expectedSchools, upload.UploadId, upload.HighCount > 0 ? Zone.High : Zone.None), (municipal.Schools, municipal.UploadId, municipal.Zone));
        Assert.NotNull(municipal.SportsClubShare);
        var recorded = Assert.Single(notice);
        Assert.Equal(upload.UploadId.ToString(), recorded.UploadId);
        Assert.Equal(upload.HighCount, recorded.HighCount);
        Assert.Equal(upload.MediumCount, recorded.MediumCount);
    }

    [Fact]
    public async Task SameEventDeliveredAgain_EvaluatesAgainButRecordsNoSecondNotice_AndSendsNoSecondLetter()
    {
        var csv = "school_id,school_name,ege_below_min_share\nkirovsky-001,Школа,12\n";
        await UploadAsync("2023-2024/kirovsky/schools.csv", Encoding.UTF8.GetBytes(csv));
        await Poll.UntilAsync(() => Notices("kirovsky"), notices => notices.Count == 1 && notices[0].Status == "Delivered", "the kirovsky notice delivered");
        var first = Assert.Single(await Uploads("kirovsky"));
        var queues = new QueueServiceClient(fixture.Deployment.ConnectionString);
        var blob = new BlobContainerClient(fixture.Deployment.ConnectionString, "uploads").GetBlobClient("2023-2024/kirovsky/schools.csv");
        var eTag = (await blob.GetPropertiesAsync(cancellationToken: TestContext.Current.CancellationToken)).Value.ETag;

        await queues.GetQueueClient(QueueNames.UploadEvents).SendMessageAsync(
            BlobCreatedEventJson("uploads", "2023-2024/kirovsky/schools.csv", eTag.ToString()), TestContext.Current.CancellationToken);
        var again = await Poll.UntilAsync(
            async () => Assert.Single(await Uploads("kirovsky")),
            upload => upload.UpdatedAt > first.UpdatedAt && upload.Status == UploadStatus.Completed, "the redelivered event to be evaluated");
        await NotificationsDrainedAsync();

        Assert.Equal(first.UploadId, again.UploadId);
        Assert.Single(await Notices("kirovsky"));
        Assert.Single(await fixture.Deployment.Mail.ListAsync(TestContext.Current.CancellationToken), letter => letter.To.Contains("kirovsky@edu.example.ru"));
        Assert.DoesNotContain(await PoisonedMessages(), message => message.Contains("kirovsky", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UploadWithNoValidRow_IsRejected_WithAReportAndARejectionNotice_AndTheOriginalIsKept()
    {
        var content = Encoding.UTF8.GetBytes("school_id,ege_below_min_share\nluzhsky-001,много\n");
        await UploadAsync("2023-2024/luzhsky/schools.csv", content);

        var upload = await Poll.UntilAsync(
            async () => (await Uploads("luzhsky")).SingleOrDefault(), u => u?.Status == UploadStatus.Rejected, "the luzhsky upload to be rejected");
        var notice = Assert.Single(await Poll.UntilAsync(() => Notices("luzhsky"), n => n.Count > 0, "the rejection notice"));

        Assert.Equal(
            "Файл «schools.csv»: ни одна из 1 строк не прошла проверку, например: Файл «schools.csv», строка 2, столбец «ege_below_min_share»: значение «много» не является числом.",
            upload!.Error);
        Assert.Equal(NoticeKind.Rejected, notice.Kind);
        var reports = new ReportBlobs(fixture.Deployment.Storage);
        Assert.Contains("\"outcome\": \"rejected\"", await reports.ReadTextAsync(upload.ReportJson!, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.StartsWith("\uFEFFСтрока;Столбец;Значение;Ошибка", await reports.ReadTextAsync(upload.ReportCsv!, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var blob = new BlobContainerClient(fixture.Deployment.ConnectionString, "uploads").GetBlobClient("2023-2024/luzhsky/schools.csv");
        Assert.Equal(content, (await blob.DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content.ToArray());
        Assert.DoesNotContain(await PoisonedMessages(), message => message.Contains("luzhsky", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UploadWithSomeBadRows_EvaluatesTheValidRows_ReportsTheRest_AndTheNoticeSummarisesThem()
    {
        var csv = "Код школы;ЕГЭ ниже минимума, %\ntosnensky-001;12,5\ntosnensky-002;120\ntosnensky-003;1\n";
        await UploadAsync("2023-2024/tosnensky/schools.csv", Encoding.UTF8.GetBytes(csv));

        var upload = await Poll.UntilAsync(
            async () => (await Uploads("tosnensky")).SingleOrDefault(), u => u?.Status == UploadStatus.Completed, "the tosnensky upload");
        var notice = Assert.Single(await Poll.UntilAsync(() => Notices("tosnensky"), n => n.Count > 0, "the tosnensky notice"));
        var results = await Results("tosnensky");

        Assert.Equal(["tosnensky-001", "tosnensky-003"], results.Select(r => r.SchoolId.ToString()).Order());
        Assert.Equal((3, 2, 1, 1), (upload!.DataRows, upload.SchoolCount, upload.SkippedRows, upload.ProblemCount));
        Assert.Equal((1, 1), (notice.HighCount, notice.ProblemCount));
        var report = await new ReportBlobs(fixture.Deployment.Storage).ReadTextAsync(upload.ReportCsv!, TestContext.Current.CancellationToken);
        Assert.Contains("3;ЕГЭ ниже минимума, %;120;Файл «schools.csv», строка 3, столбец «ЕГЭ ниже минимума, %»: значение «120» вне допустимого диапазона (от 0 до 100).", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameContentUploadedAgain_IsADuplicate_NotEvaluatedOrNotifiedTwice()
    {
        var content = Encoding.UTF8.GetBytes("school_id,ege_below_min_share\nvolosovsky-001,12\n");
        await UploadAsync("2023-2024/volosovsky/first.csv", content);
        var first = await Poll.UntilAsync(
            async () => (await Uploads("volosovsky")).SingleOrDefault(), u => u?.Status == UploadStatus.Completed, "the first upload");
        await Poll.UntilAsync(() => Notices("volosovsky"), notices => notices.Count == 1, "the first upload's notice");

        await UploadAsync("2023-2024/volosovsky/again.csv", content);
        var again = await Poll.UntilAsync(
            async () => (await Uploads("volosovsky")).SingleOrDefault(u => u.BlobName.EndsWith("again.csv", StringComparison.Ordinal)),
            u => u?.Status == UploadStatus.Duplicate, "the second upload to be recognised as a duplicate");
        await NotificationsDrainedAsync();

        Assert.Equal(first!.UploadId, again!.DuplicateOf);
        Assert.Equal(first.ContentHash, again.ContentHash);
        Assert.Single(await Notices("volosovsky"));
        Assert.All(await Results("volosovsky"), r => Assert.Equal(first.UploadId, r.UploadId));
    }

    [Fact]
    public async Task RejectedFileSentAgain_IsReadAgain_AndRefusedAgainWithItsReason_NotCalledADuplicate()
    {
        var content = Encoding.UTF8.GetBytes("school_id,ege_below_min_share\nkirishsky-001,много\n");
        await UploadAsync("2023-2024/kirishsky/schools.csv", content);
        var first = await Poll.UntilAsync(
            async () => (await Uploads("kirishsky")).SingleOrDefault(), u => u?.Status == UploadStatus.Rejected, "the first upload to be rejected");
        await Poll.UntilAsync(() => Notices("kirishsky"), notices => notices.Count == 1, "the first rejection notice");

        await UploadAsync("2023-2024/kirishsky/schools-again.csv", content);
        var again = await Poll.UntilAsync(
            async () => (await Uploads("kirishsky")).SingleOrDefault(u => u.BlobName.EndsWith("schools-again.csv", StringComparison.Ordinal)),
            u => u?.Status is UploadStatus.Rejected or UploadStatus.Duplicate or UploadStatus.Completed, "the second upload's outcome");
        var notices = await Poll.UntilAsync(() => Notices("kirishsky"), n => n.Count == 2, "a rejection notice for the second upload");

        Assert.Equal(UploadStatus.Rejected, again!.Status);
        Assert.Null(again.DuplicateOf);
        Assert.Equal(first!.Error!.Replace("schools.csv", "schools-again.csv", StringComparison.Ordinal), again.Error);
        Assert.All(notices, notice => Assert.Equal(NoticeKind.Rejected, notice.Kind));
    }

    [Fact]
    public async Task CorrectedUpload_SupersedesTheEarlierOne_OnlyItsSchoolsAreCurrent_AndHistoryKeepsBoth()
    {
        await UploadAsync("2023-2024/vyborgsky/schools.csv", Encoding.UTF8.GetBytes("school_id,ege_below_min_share\nvyborgsky-001,12\nvyborgsky-002,1\n"));
        var first = await Poll.UntilAsync(
            async () => (await Uploads("vyborgsky")).SingleOrDefault(), u => u?.Status == UploadStatus.Completed, "the first upload");

        await UploadAsync("2023-2024/vyborgsky/schools-corrected.csv", Encoding.UTF8.GetBytes("school_id,ege_below_min_share\nvyborgsky-001,1\n"));
        var history = await Poll.UntilAsync(
            () => Uploads("vyborgsky"), uploads => uploads.Any(u => u.UploadId != first!.UploadId && u.Status == UploadStatus.Completed),
            "the corrected upload");
        var corrected = history.Single(u => u.UploadId != first!.UploadId);
        var results = await Results("vyborgsky");

        Assert.Equal((UploadStatus.Superseded, corrected.UploadId), (history.Single(u => u.UploadId == first!.UploadId).Status, history.Single(u => u.UploadId == first!.UploadId).SupersededBy));
        var only = Assert.Single(results);
        Assert.Equal(("vyborgsky-001", corrected.UploadId, Zone.None), (only.SchoolId.ToString(), only.UploadId, only.OverallZone));
        var uploads = new BlobContainerClient(fixture.Deployment.ConnectionString, "uploads");
        Assert.True(await uploads.GetBlobClient("2023-2024/vyborgsky/schools.csv").ExistsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task MessageThatIsNotAnEvent_EndsInThePoisonQueueAfterMaxDequeueCountDeliveries()
    {
        var queues = new QueueServiceClient(fixture.Deployment.ConnectionString);

        await queues.GetQueueClient(QueueNames.UploadEvents).SendMessageAsync("not an event", TestContext.Current.CancellationToken);
        var poisoned = await Poll.UntilAsync(PoisonedMessages, messages => messages.Contains("not an event"), "the message in upload-events-poison", TimeSpan.FromSeconds(90));

        Assert.Contains("not an event", poisoned);
    }

    [Fact]
    public async Task RecalculationRequestsNamingNoPeriod_EndInThePoisonQueueAfterMaxDequeueCountDeliveries()
    {
        // A period that is not one and a message that is not JSON do not read; a request without a period reads, and the door refuses it.
        string[] messages = ["{\"Period\":\"2023\",\"RuleSetVersion\":null,\"RequestedAt\":null}", "{\"RuleSetVersion\":null,\"RequestedAt\":null}", "not a request"];
        var queues = new QueueServiceClient(fixture.Deployment.ConnectionString);
        var poison = queues.GetQueueClient(QueueNames.PoisonOf(QueueNames.PeriodRecalculations));

        foreach (var message in messages)
        {
            await queues.GetQueueClient(QueueNames.PeriodRecalculations).SendMessageAsync(message, TestContext.Current.CancellationToken);
        }

        var poisoned = await Poll.UntilAsync(
            async () => (await poison.ExistsAsync(TestContext.Current.CancellationToken)).Value
                ? [.. (await poison.PeekMessagesAsync(32, TestContext.Current.CancellationToken)).Value.Select(peeked => peeked.MessageText)]
                : new List<string>(),
            texts => messages.All(texts.Contains), "the messages in period-recalculations-poison", TimeSpan.FromSeconds(90));

        Assert.Equal(messages.Order(StringComparer.Ordinal), poisoned.Where(messages.Contains).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UploadOutsideThePeriodMunicipalityLayout_IsRecordedAsRejected()
    {
        await UploadAsync("schools.csv", Encoding.UTF8.GetBytes("school_id\n"));

        var unrouted = await Poll.UntilAsync(
            () => new UploadStatusTable(fixture.Deployment.Storage).ListUnroutedAsync(TestContext.Current.CancellationToken)
                .ToListAsync(TestContext.Current.CancellationToken).AsTask(),
            uploads => uploads.Count > 0, "the unrouted upload's status");

        var upload = Assert.Single(unrouted);
        Assert.Equal(UploadStatus.Rejected, upload.Status);
        Assert.StartsWith("Файл «schools.csv» загружен не по адресу", upload.Error, StringComparison.Ordinal);
    }

    private async Task UploadAsync(string blobName, byte[] content)
    {
        using var stream = new MemoryStream(content);
        await new UploadBlobs(fixture.Deployment.Storage).UploadAsync(blobName, stream, TestContext.Current.CancellationToken);
    }

    private async Task NotificationsDrainedAsync()
    {
        var queue = new QueueServiceClient(fixture.Deployment.ConnectionString).GetQueueClient(QueueNames.RiskNotifications);
        await Poll.UntilAsync(
            async () => (await queue.GetPropertiesAsync(TestContext.Current.CancellationToken)).Value.ApproximateMessagesCount,
            count => count == 0, "risk-notifications to be consumed by Notify");
    }

    private async Task<List<string>> PoisonedMessages()
    {
        var poison = new QueueServiceClient(fixture.Deployment.ConnectionString).GetQueueClient(QueueNames.PoisonOf(QueueNames.UploadEvents));
        return [.. (await poison.PeekMessagesAsync(32, TestContext.Current.CancellationToken)).Value.Select(message => message.MessageText)];
    }

    private async Task<List<StoredResult>> Results(string municipality) =>
        await new ResultTable(fixture.Deployment.Storage, TimeProvider.System).ListAsync(Period, MunicipalityId.Parse(municipality), TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);

    private async Task<List<RecordedNotice>> Notices(string municipality) =>
        (await new NotificationTable(fixture.Deployment.Storage, TimeProvider.System).ListAsync(Period, TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken)).Where(n => n.MunicipalityId.ToString() == municipality).ToList();

    private async Task<List<UploadRecord>> Uploads(string municipality) =>
        (await new UploadStatusTable(fixture.Deployment.Storage).ListAsync(Period, TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken)).Where(u => u.MunicipalityId.ToString() == municipality).ToList();

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
