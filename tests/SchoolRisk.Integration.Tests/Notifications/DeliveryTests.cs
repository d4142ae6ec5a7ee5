using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Functions.CustomHandler;
using SchoolRisk.Functions.Notify;
using SchoolRisk.Integration.Tests.Support;
using SchoolRisk.LocalHost.MailDev;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Registry;

namespace SchoolRisk.Integration.Tests.Notifications;

/// <summary>Notices delivered through the running app to a real SMTP server (MailDev) and a webhook receiver, per the recipients directory.</summary>
public sealed class DeliveryTests(DeploymentFixture fixture) : IClassFixture<DeploymentFixture>
{
    private const string Committee = "monitoring@edu.example.ru";
    private static readonly Period Period = Period.Parse("2023-2024");

    [Fact]
    public async Task RiskSchool_LetterGoesToItsMunicipalityOnly_WithIndicatorValueThresholdAndZone_TheCommitteeGetsAnAlertAndThenTheDigest()
    {
        await fixture.Deployment.UploadAsync("2023-2024/kingiseppsky/schools.csv", "school_id,ege_below_min_share\nkingiseppsky-001,15\nkingiseppsky-002,1\n");
        var letters = await Poll.UntilAsync(
            () => MailAsync(), all => all.Any(l => l.To.Contains("kingiseppsky@edu.example.ru")) && all.Any(l => l.To.Contains(Committee) && l.Subject.Contains("Кингисеппский", StringComparison.Ordinal)),
            "the municipality's letter and the committee's alert");
        var digest = await Poll.UntilAsync(
            async () => (await MailAsync()).LastOrDefault(l => l.Subject.StartsWith("Сводка по зонам риска за 2023-2024", StringComparison.Ordinal)
                && (l.Text ?? string.Empty).Contains("Кингисеппский район |", StringComparison.Ordinal)),
            l => l is not null, "the committee's digest with kingiseppsky's schools");

        var letter = Assert.Single(letters, l => l.To.Contains("kingiseppsky@edu.example.ru"));
        Assert.Equal("Кингисеппский район: зоны риска школ за 2023-2024: высокий риск — 1, средний — 0", letter.Subject);
        Assert.Contains("Доля результатов ЕГЭ ниже минимального балла: 15 % (порог 10 %, высокий риск)", letter.Text, StringComparison.Ordinal);
        Assert.Contains("Доля результатов ЕГЭ ниже минимального балла: 15 % (порог 10 %, высокий риск)", letter.Html, StringComparison.Ordinal);
        Assert.Contains("Вошли в зону риска в этом периоде", letter.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("kingiseppsky-002", letter.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(letters, l => !l.To.Contains("kingiseppsky@edu.example.ru") && !l.To.Contains(Committee) && (l.Text ?? string.Empty).Contains("kingiseppsky-001", StringComparison.Ordinal));
        var alert = Assert.Single(letters, l => l.To.Contains(Committee) && l.Subject.StartsWith("Зона высокого риска: Кингисеппский район", StringComparison.Ordinal));
        Assert.Contains("kingiseppsky-001", alert.Text, StringComparison.Ordinal);
        Assert.Equal([Committee], digest!.To);
        Assert.Contains("Кингисеппский район | высокий риск | 1 | 0 | 1", digest.Text, StringComparison.Ordinal);
        Assert.Equal("Delivered", (await NoticesAsync("kingiseppsky")).Single().Status);
    }

    [Fact]
    public async Task TheSameNoticeMessageDeliveredTwiceMore_SendsNoSecondLetter()
    {
        await fixture.Deployment.UploadAsync("2023-2024/priozersky/schools.csv", "school_id,ege_below_min_share\npriozersky-001,15\n");
        var notice = (await Poll.UntilAsync(() => NoticesAsync("priozersky"), n => n.Count == 1 && n[0].Status == "Delivered", "priozersky's notice delivered")).Single();
        var message = JsonSerializer.Serialize(new NoticeMessage(notice.NoticeId, "priozersky", "2023-2024", $"2023-2024/priozersky/{notice.NoticeId}.json"), FunctionJson.Options);
        var queue = new QueueClient(fixture.Deployment.ConnectionString, "risk-notifications");

        await queue.SendMessageAsync(message, TestContext.Current.CancellationToken);
        await queue.SendMessageAsync(message, TestContext.Current.CancellationToken);
        await Poll.UntilAsync(
            async () => (await queue.GetPropertiesAsync(TestContext.Current.CancellationToken)).Value.ApproximateMessagesCount, count => count == 0, "the repeated messages consumed");

        Assert.Single(await MailAsync(), l => l.To.Contains("priozersky@edu.example.ru"));
        Assert.All(await DeliveriesAsync(notice.NoticeId), d => Assert.Equal((DeliveryStatus.Sent, 1), (d.Status, d.Attempts)));
    }

    [Fact]
    public async Task Webhook_IsSignedAndVerified_APermanentRefusalGoesToThePoisonQueueWithTheReason_AndAReplayDeliversItOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync("s3cret-podporozhsky");
        receiver.Status = 400;
        var directory = await File.ReadAllTextAsync(Path.Combine(TestDeployment.RepositoryRoot, "samples", "registry", "recipients.csv"), TestContext.Current.CancellationToken);
        using (var recipients = new MemoryStream(Encoding.UTF8.GetBytes(directory + $"podporozhsky,,,{receiver.Url},s3cret-podporozhsky\n")))
        {
            await new RecipientStore(fixture.Deployment.Storage).UploadAsync(recipients, TestContext.Current.CancellationToken);
        }

        await fixture.Deployment.UploadAsync("2023-2024/podporozhsky/schools.csv", "school_id,ege_below_min_share\npodporozhsky-001,15\n");
        var failed = (await Poll.UntilAsync(() => NoticesAsync("podporozhsky"), n => n.Count == 1 && n[0].Status == "Failed", "the refused webhook recorded")).Single();
        var poison = new PoisonMessages(fixture.Deployment.Storage, "risk-notifications");
        await Poll.UntilAsync(() => poison.CountAsync(TestContext.Current.CancellationToken), count => count == 1, "the notice in risk-notifications-poison");

        receiver.Status = 200;
        Assert.Equal(1, await poison.ReplayAsync(TestContext.Current.CancellationToken));
        var delivered = await Poll.UntilAsync(() => NoticesAsync("podporozhsky"), n => n[0].Status == "Delivered", "the replayed notice delivered");

        Assert.Contains("podporozhsky Webhook: Webhook http://127.0.0.1:", failed.Reason, StringComparison.Ordinal);
        Assert.Contains("answered 400", failed.Reason, StringComparison.Ordinal);
        var body = JsonDocument.Parse(Assert.Single(receiver.Accepted).Value).RootElement;
        Assert.Equal((failed.NoticeId, "notice", "podporozhsky"), (body.GetProperty("noticeId").GetString(), body.GetProperty("kind").GetString(), body.GetProperty("data").GetProperty("municipalityId").GetString()));
        Assert.Equal(0, receiver.Rejected);
        Assert.Single(await MailAsync(), l => l.To.Contains("podporozhsky@edu.example.ru"));
        Assert.Equal(
            [(DeliveryStatus.Sent, 1, "Email"), (DeliveryStatus.Sent, 2, "Webhook")],
            (await DeliveriesAsync(delivered[0].NoticeId)).Where(d => d.Kind == "notice").Select(d => (d.Status, d.Attempts, d.Channel.ToString())).Order());
    }

    private Task<IReadOnlyList<ReceivedMail>> MailAsync() => fixture.Deployment.Mail.ListAsync(TestContext.Current.CancellationToken);

    private async Task<List<RecordedNotice>> NoticesAsync(string municipality) =>
        await new NotificationTable(fixture.Deployment.Storage, TimeProvider.System).ListAsync(Period, TestContext.Current.CancellationToken)
            .Where(n => n.MunicipalityId == municipality).ToListAsync(TestContext.Current.CancellationToken);

    private async Task<List<DeliveryRecord>> DeliveriesAsync(string noticeId) =>
        await new DeliveryTable(fixture.Deployment.Storage, TimeProvider.System).ListAsync(Period, TestContext.Current.CancellationToken)
            .Where(d => d.NoticeId == noticeId).ToListAsync(TestContext.Current.CancellationToken);
}
