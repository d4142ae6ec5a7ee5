using SchoolRisk.Application.Messaging;
using SchoolRisk.Cli;
using SchoolRisk.Cli.Samples;
using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Uploads;
using SchoolRisk.Testing;

namespace SchoolRisk.EndToEnd.Tests.Faults;

/// <summary>
/// The 18 municipalities' sample uploads at once, and the function app killed while their notices are being delivered,
/// as a crash would. After the restart every upload is completed, every school has its result, every notice is
/// delivered, and no letter already recorded as sent is sent again. Only a letter the SMTP server had accepted when the
/// process died, before it was recorded, can come twice: at most one per Notify invocation then running (the host runs
/// up to a queue batch at once), with the same Message-ID, which mail clients show once.
/// </summary>
public sealed class NotificationCrashTests : IAsyncLifetime
{
    private const int SampleSchools = 329;

    /// <summary>Queue messages the host hands out at once (<c>host.json</c>, <c>batchSize</c>): the most Notify invocations running at the kill.</summary>
    private const int BatchSize = 16;
    private static readonly Period Period = Period.Parse(SampleRegion.Period);
    private static readonly string[] Queues = [QueueNames.UploadEvents, QueueNames.PeriodRecalculations, QueueNames.RiskNotifications, QueueNames.DigestRequests, QueueNames.NoteRequests];
    private LocalDeployment? _deployment;

    private LocalDeployment Deployment => _deployment!;

    public async ValueTask InitializeAsync() => _deployment = await TestDeployment.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_deployment is not null)
        {
            await _deployment.DisposeAsync();
        }
    }

    [Fact]
    public async Task WorkerKilledWhileDeliveringNotices_EveryNoticeIsDelivered_AndNoLetterRecordedAsSentComesAgain()
    {
        var uploaded = await Deployment.UploadSamplePeriodAsync();

        var deliveries = new DeliveryTable(Deployment.Storage, TimeProvider.System);
        await Poll.UntilAsync(() => SentAsync(deliveries), sent => sent.Count >= 3, "the first letters sent", TimeSpan.FromMinutes(2));
        Deployment.Worker.Kill();
        var sentBeforeCrash = await SentAsync(deliveries);

        await Poll.UntilAsync(
            async () => (await new UploadStatusTable(Deployment.Storage).ListAsync(Period, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken))
                .Count(upload => upload.Status == UploadStatus.Completed),
            completed => completed == uploaded, "every upload completed", TimeSpan.FromMinutes(3));
        var (_, notices) = await Poll.UntilAsync(
            QuietAsync, quiet => quiet.Pending == 0 && quiet.Notices.Count > 0 && quiet.Notices.All(notice => notice.Status == NoticeStatus.Delivered),
            "every notice delivered and nothing left on the queues", TimeSpan.FromMinutes(3));
        var letters = await Deployment.Mail.ListAsync(TestContext.Current.CancellationToken);
        var sent = await SentAsync(deliveries);
        var results = await new ResultTable(Deployment.Storage, TimeProvider.System).ListAsync(Period, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.True(Deployment.Worker.Restarts >= 1);
        Assert.True(sentBeforeCrash.Count < sent.Count, $"the kill came after all {sent.Count} letters were sent");
        Assert.Equal(SampleSchools, results.Count);
        var copies = letters.GroupBy(letter => (letter.MessageId?.Trim('<', '>'), string.Join(",", letter.To))).ToDictionary(group => group.Key, group => group.Count());
        Assert.Equal(sent.Count, copies.Count);
        Assert.All(sentBeforeCrash, delivery => Assert.Equal(1, copies[($"{delivery.DeliveryId}@schoolrisk", delivery.Address)]));
        Assert.InRange(copies.Values.Count(count => count > 1), 0, BatchSize);
        Assert.All(copies.Values, count => Assert.InRange(count, 1, 2));
        Assert.All(notices.Where(notice => notice.Kind == Domain.Notices.NoticeKind.Evaluated), notice => Assert.Contains(sent, delivery => delivery.NoticeId == notice.NoticeId));
    }

    private async Task<(int Pending, List<RecordedNotice> Notices)> QuietAsync()
    {
        var pending = 0;
        foreach (var queue in Queues)
        {
            pending += await Deployment.Storage.PendingMessagesAsync(queue, TestContext.Current.CancellationToken);
        }

        return (pending, await new NotificationTable(Deployment.Storage, TimeProvider.System).ListAsync(Period, TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>The letters recorded as sent (the Service Bus messages have their own tests, <c>ServiceBusNoticeTests</c>).</summary>
    private static async Task<List<DeliveryRecord>> SentAsync(DeliveryTable deliveries) =>
        await deliveries.ListAsync(Period, TestContext.Current.CancellationToken)
            .Where(delivery => delivery.Status == DeliveryStatus.Sent && delivery.Channel == DeliveryChannel.Email).ToListAsync(TestContext.Current.CancellationToken);
}
