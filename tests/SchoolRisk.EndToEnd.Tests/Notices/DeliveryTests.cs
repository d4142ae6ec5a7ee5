using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Storage.Queues;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Application.Notices;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Domain.Periods;
using SchoolRisk.LocalHost.MailDev;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Testing;

namespace SchoolRisk.EndToEnd.Tests.Notices;

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
        await Poll.UntilAsync(() => NoticesAsync("kingiseppsky"), notices => notices.Single().Status == "Delivered", "kingiseppsky's notice recorded as delivered");
    }

    [Fact]
    public async Task TheSameNoticeMessageDeliveredTwiceMore_SendsNoSecondLetter()
    {
        await fixture.Deployment.UploadAsync("2023-2024/priozersky/schools.csv", "school_id,ege_below_min_share\npriozersky-001,15\n");
        var notice = (await Poll.UntilAsync(() => NoticesAsync("priozersky"), n => n.Count == 1 && n[0].Status == "Delivered", "priozersky's notice delivered")).Single();
        var message = MessageJson.Serialize(new NoticeMessage(notice.NoticeId, MunicipalityId.Parse("priozersky"), Period.Parse("2023-2024"), $"2023-2024/priozersky/{notice.NoticeId}.json"));
        var queue = new QueueClient(fixture.Deployment.ConnectionString, QueueNames.RiskNotifications);

        await queue.SendMessageAsync(message, TestContext.Current.CancellationToken);
        await queue.SendMessageAsync(message, TestContext.Current.CancellationToken);
        await Poll.UntilAsync(
            async () => (await queue.GetPropertiesAsync(TestContext.Current.CancellationToken)).Value.ApproximateMessagesCount, count => count == 0, "the repeated messages consumed");

        Assert.Single(await MailAsync(), l => l.To.Contains("priozersky@edu.example.ru"));
        Assert.All(await DeliveriesAsync(notice.NoticeId), d => Assert.Equal((DeliveryStatus.Sent, 1), (d.Status, d.Attempts)));
    }

    [Fact]
    public async Task Webhook_IsSignedAndVerified_APermanentRefusalIsFailedWithTheReasonAndNotPoisoned_AndReplayFailedDeliversItOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync("s3cret-podporozhsky");
        receiver.Status = 400;
        var directory = await File.ReadAllTextAsync(Path.Combine(TestDeployment.RepositoryRoot, "samples", "registry", "recipients.csv"), TestContext.Current.CancellationToken);
        using (var recipients = new MemoryStream(Encoding.UTF8.GetBytes(directory + $"podporozhsky,,,{receiver.Url},s3cret-podporozhsky\n")))
        {
            await new RecipientListBlob(fixture.Deployment.Storage).UploadAsync(recipients, TestContext.Current.CancellationToken);
        }

        await fixture.Deployment.UploadAsync("2023-2024/podporozhsky/schools.csv", "school_id,ege_below_min_share\npodporozhsky-001,15\n");
        var failed = (await Poll.UntilAsync(() => NoticesAsync("podporozhsky"), n => n.Count == 1 && n[0].Status == "Failed", "the refused webhook recorded")).Single();
        await Poll.UntilAsync(
            () => fixture.Deployment.Storage.PendingMessagesAsync(QueueNames.RiskNotifications, TestContext.Current.CancellationToken), count => count == 0, "the notice's message completed");
        var poisoned = await new PoisonMessages(fixture.Deployment.Storage, QueueNames.RiskNotifications).CountAsync(TestContext.Current.CancellationToken);

        receiver.Status = 200;
        Assert.Equal(1, await new FailedNoticeReplay(fixture.Deployment.Storage, TimeProvider.System).ReplayAsync(Period, TestContext.Current.CancellationToken));
        var delivered = await Poll.UntilAsync(() => NoticesAsync("podporozhsky"), n => n[0].Status == "Delivered", "the replayed notice delivered");

        Assert.Equal(0, poisoned);
        Assert.StartsWith($"podporozhsky, веб-хук: веб-хук {receiver.Url} ответил 400 Bad Request; получатель отклонил уведомление", failed.Reason, StringComparison.Ordinal);
        Assert.EndsWith("schoolrisk notices replay --failed (уже доставленное не повторится).", failed.Reason, StringComparison.Ordinal);
        var body = JsonDocument.Parse(Assert.Single(receiver.Accepted).Value).RootElement;
        Assert.Equal((failed.NoticeId, "notice", "podporozhsky"), (body.GetProperty("noticeId").GetString(), body.GetProperty("kind").GetString(), body.GetProperty("data").GetProperty("municipalityId").GetString()));
        Assert.Equal(0, receiver.Rejected);
        Assert.Single(await MailAsync(), l => l.To.Contains("podporozhsky@edu.example.ru"));
        Assert.Equal(
            [(DeliveryStatus.Sent, 1, "Email"), (DeliveryStatus.Sent, 1, "ServiceBus"), (DeliveryStatus.Sent, 2, "Webhook")],
            (await DeliveriesAsync(delivered[0].NoticeId)).Where(d => d.Kind == "notice").Select(d => (d.Status, d.Attempts, d.Channel.ToString())).Order());
    }

    [Fact]
    public async Task Letter_SaysWhyEachSchoolIsInItsZone_AndLinksReadOnlyTheReportAndTheNote_UntilAStatedTime()
    {
        await fixture.Deployment.UploadAsync(
            "2023-2024/luzhsky/schools.csv", "school_id,ege_below_min_share,ovz_share,migrant_share\nluzhsky-003,15,1,1\nluzhsky-002,1,12,15\nluzhsky-999,1,1,1\n");
        var letter = (await Poll.UntilAsync(
            () => MailAsync(), all => all.Any(l => l.To.Contains("luzhsky@edu.example.ru")), "luzhsky's letter")).Single(l => l.To.Contains("luzhsky@edu.example.ru"));
        var text = letter.Text ?? string.Empty;
        var report = new Uri(Regex.Match(text, @"https?://\S+/reports/2023-2024/luzhsky/\S+/errors\.csv\?\S+").Value);
        var note = new Uri(Regex.Match(text, @"https?://\S+/reports/2023-2024/luzhsky/note\.html\?\S+").Value);
        using var http = new HttpClient();

        var csv = await http.GetStringAsync(report, TestContext.Current.CancellationToken);
        var noteAnswer = await Poll.UntilAsync(
            async () => (await http.GetAsync(note, TestContext.Current.CancellationToken)).StatusCode, status => status == HttpStatusCode.OK, "the note written and readable by its link");
        var otherBlob = await http.GetAsync(new Uri(report.AbsoluteUri.Replace("errors.csv?", "errors.json?", StringComparison.Ordinal)), TestContext.Current.CancellationToken);
        using var overwrite = new StringContent("x");
        overwrite.Headers.Add("x-ms-blob-type", "BlockBlob");
        var write = await http.PutAsync(report, overwrite, TestContext.Current.CancellationToken);

        Assert.Contains("luzhsky-002 МОУ", text, StringComparison.Ordinal);
        Assert.Matches(@"luzhsky-002 [^|]+\| средний риск \| ШНСУ — школа, работающая в неблагоприятных социальных условиях \| —", text);
        Assert.Matches(@"luzhsky-003 [^|]+\| высокий риск \| показателей в зоне высокого риска: 1", text);
        Assert.Contains("luzhsky-999", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, noteAnswer);
        Assert.Equal(HttpStatusCode.Forbidden, otherBlob.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("sp=r", report.Query, StringComparison.Ordinal);
        Assert.Matches(@"Ссылки в этом письме действуют до \d{1,2} [а-я]+ \d{4} г\., \d{2}:\d{2} \(МСК\)", text);
        Assert.DoesNotContain("таблиц", text, StringComparison.Ordinal);
    }

    private Task<IReadOnlyList<ReceivedMail>> MailAsync() => fixture.Deployment.Mail.ListAsync(TestContext.Current.CancellationToken);

    private async Task<List<RecordedNotice>> NoticesAsync(string municipality) =>
        await new NotificationTable(fixture.Deployment.Storage, TimeProvider.System).ListAsync(Period, TestContext.Current.CancellationToken)
            .Where(n => n.MunicipalityId.ToString() == municipality).ToListAsync(TestContext.Current.CancellationToken);

    private async Task<List<DeliveryRecord>> DeliveriesAsync(string noticeId) =>
        await new DeliveryTable(fixture.Deployment.Storage, TimeProvider.System).ListAsync(Period, TestContext.Current.CancellationToken)
            .Where(d => d.NoticeId == noticeId).ToListAsync(TestContext.Current.CancellationToken);
}
