using System.CommandLine;
using System.Text;
using MailKit.Security;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Cli;
using SchoolRisk.Cli.Notices;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Testing;

namespace SchoolRisk.EndToEnd.Tests.Notices;

/// <summary>
/// End to end through the local host, as an upload would go: a person's mistake or a permanent configuration fault in
/// one delivery (an untrusted relay certificate, a redirecting webhook) ends as a told outcome, the notice
/// <c>Failed</c> with the reason, the other addresses served, nothing in any poison queue; once fixed,
/// <c>schoolrisk notices replay --failed</c> sends only what failed. The cases are <c>tests/cases/2026-11-29</c>.
/// </summary>
public sealed class HandledFailureTests
{
    private const string Secret = "s3cret-committee";
    private static readonly Period Period = Period.Parse("2023-2024");
    private static readonly string Cases = Path.Combine(TestDeployment.RepositoryRoot, "tests", "cases", "2026-11-29");

    [Fact]
    public async Task UntrustedRelayCertificate_NoticeFailedNamingTheCertificate_NothingPoisoned_TheWebhooksStillGoOut()
    {
        await using var relay = FakeSmtpRelay.Start(SecureSocketOptions.StartTls);
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        await using var deployment = await StartAsync(new Dictionary<string, string>
        {
            ["Notifications__SmtpPort"] = $"{relay.Port}",
            ["Notifications__SmtpSecurity"] = "StartTls",
        });
        await UploadRecipientsAsync(
            deployment.Storage,
            $"recipient_id,name,email,webhook_url,webhook_secret\ngatchinsky,Гатчинский район,gatchinsky@edu.example.ru,,\ngatchinsky,Гатчинский район,,{receiver.Url},{Secret}\n" +
            $"committee,Комитет по образованию,monitoring@edu.example.ru,,\ncommittee,Комитет по образованию,,{receiver.Url},{Secret}\n");

        await deployment.UploadAsync("2023-2024/gatchinsky/upload.csv", await File.ReadAllTextAsync(Path.Combine(Cases, "upload.csv"), TestContext.Current.CancellationToken));
        var notices = await Poll.UntilAsync(
            () => NoticesAsync(deployment.Storage),
            all => all.Any(n => n.MunicipalityId.ToString() == "gatchinsky" && n.Status == NoticeStatus.Failed) && all.Any(n => n.Kind == NoticeKind.Digest && n.Status == NoticeStatus.Failed),
            "the notice and the digest failed on the relay's certificate");
        await DrainedAsync(deployment.Storage);
        var deliveries = await DeliveriesAsync(deployment.Storage);

        var notice = notices.Single(n => n.MunicipalityId.ToString() == "gatchinsky");
        Assert.Contains("gatchinsky, почта: почтовый сервер 127.0.0.1:", notice.Reason, StringComparison.Ordinal);
        Assert.Contains("предъявил сертификат, которому приложение не доверяет: сертификат не выдан доверенным центром сертификации", notice.Reason, StringComparison.Ordinal);
        Assert.Contains("Notifications:SmtpHost", notice.Reason, StringComparison.Ordinal);
        Assert.Contains("committee, почта: почтовый сервер", notice.Reason, StringComparison.Ordinal);
        Assert.All(deliveries.Where(d => d.Channel == DeliveryChannel.Email), d => Assert.Equal((DeliveryStatus.Failed, 1), (d.Status, d.Attempts)));
        Assert.Equal(
            ["alert", "digest", "notice"],
            deliveries.Where(d => d.Channel == DeliveryChannel.Webhook && d.Status == DeliveryStatus.Sent).Select(d => d.Kind).Order(StringComparer.Ordinal));
        Assert.Equal(3, receiver.Accepted.Count);
        Assert.Equal(3, relay.Handshakes);
        Assert.Equal(0, await PoisonedAsync(deployment.Storage));
    }

    [Fact]
    public async Task WebhookAnswering301Case_IsFailedWithStatusAndLocation_TheLettersAreSent_AndReplayFailedSendsOnlyTheWebhookOnceFixed()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        await using var deployment = await StartAsync(null);
        var recipients = (await File.ReadAllTextAsync(Path.Combine(Cases, "recipients-webhook-301.csv"), TestContext.Current.CancellationToken))
            .Replace("http://127.0.0.1:8089/hook-301", receiver.MovedUrl.ToString(), StringComparison.Ordinal)
            .Replace("секрет-webhook-2026", Secret, StringComparison.Ordinal);
        await UploadRecipientsAsync(deployment.Storage, recipients);

        await deployment.UploadAsync("2023-2024/gatchinsky/upload.csv", await File.ReadAllTextAsync(Path.Combine(Cases, "upload.csv"), TestContext.Current.CancellationToken));
        var failed = await Poll.UntilAsync(
            () => NoticesAsync(deployment.Storage),
            all => all.Any(n => n.MunicipalityId.ToString() == "gatchinsky" && n.Status == NoticeStatus.Failed) && all.Any(n => n.Kind == NoticeKind.Digest && n.Status == NoticeStatus.Failed),
            "the notice and the digest failed on the redirecting webhook");
        await DrainedAsync(deployment.Storage);
        var before = await DeliveriesAsync(deployment.Storage);
        var letters = await deployment.Mail.ListAsync(TestContext.Current.CancellationToken);
        var poisoned = await PoisonedAsync(deployment.Storage);

        await UploadRecipientsAsync(deployment.Storage, recipients.Replace(receiver.MovedUrl.ToString(), receiver.Url.ToString(), StringComparison.Ordinal));
        var replay = await new RootCommand { NoticesCommand.Create() }
            .Parse(["notices", "replay", "--failed", "--period", "2023-2024", "--connection-string", deployment.ConnectionString]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        var delivered = await Poll.UntilAsync(
            () => NoticesAsync(deployment.Storage), all => all.Count(n => n.Status == NoticeStatus.Delivered) == 2, "the notice and the digest delivered after the fix");
        await DrainedAsync(deployment.Storage);

        var reason = $"committee, веб-хук: адрес веб-хука {receiver.MovedUrl} отвечает перенаправлением 301 на {receiver.Url}; укажите в справочнике адресатов конечный адрес.";
        Assert.StartsWith(reason, failed.Single(n => n.MunicipalityId.ToString() == "gatchinsky").Reason, StringComparison.Ordinal);
        Assert.StartsWith(reason, failed.Single(n => n.Kind == NoticeKind.Digest).Reason, StringComparison.Ordinal);
        Assert.Equal(
            [
                ("alert", "Email", DeliveryStatus.Sent), ("alert", "ServiceBus", DeliveryStatus.Sent), ("alert", "Webhook", DeliveryStatus.Failed),
                ("digest", "Email", DeliveryStatus.Sent), ("digest", "ServiceBus", DeliveryStatus.Sent), ("digest", "Webhook", DeliveryStatus.Failed),
                ("notice", "Email", DeliveryStatus.Sent), ("notice", "ServiceBus", DeliveryStatus.Sent),
            ],
            before.Select(d => (d.Kind, d.Channel.ToString(), d.Status)).Order());
        Assert.Equal(["gatchinsky@edu.example.ru", "monitoring@edu.example.ru", "monitoring@edu.example.ru"], letters.SelectMany(l => l.To).Order(StringComparer.Ordinal));
        Assert.Equal(0, poisoned);
        Assert.Equal(0, replay);
        Assert.All(delivered, n => Assert.Null(n.Reason));
        Assert.Equal(0, receiver.Gets);
        Assert.Equal(2, receiver.Accepted.Count);
        Assert.Equal(letters.Count, (await deployment.Mail.ListAsync(TestContext.Current.CancellationToken)).Count);
        Assert.Equal(
            [("alert", DeliveryStatus.Sent), ("digest", DeliveryStatus.Sent)],
            (await DeliveriesAsync(deployment.Storage)).Where(d => d.Address == receiver.Url.ToString()).Select(d => (d.Kind, d.Status)).Order());
        Assert.Equal(0, await PoisonedAsync(deployment.Storage));
    }

    [Fact]
    public async Task EmailCellWithADisplayNameCase_EveryAddressGetsItsLetter()
    {
        await using var deployment = await StartAsync(null);
        await UploadRecipientsAsync(deployment.Storage, await File.ReadAllTextAsync(Path.Combine(Cases, "recipients-display-name-email.csv"), TestContext.Current.CancellationToken));

        await deployment.UploadAsync("2023-2024/gatchinsky/upload.csv", await File.ReadAllTextAsync(Path.Combine(Cases, "upload.csv"), TestContext.Current.CancellationToken));
        var notice = (await Poll.UntilAsync(
            () => NoticesAsync(deployment.Storage), all => all.Any(n => n.MunicipalityId.ToString() == "gatchinsky" && n.Status != NoticeStatus.Recorded), "gatchinsky's notice delivered"))
            .Single(n => n.MunicipalityId.ToString() == "gatchinsky");
        var letters = await Poll.UntilAsync(
            () => deployment.Mail.ListAsync(TestContext.Current.CancellationToken), all => all.Count(l => l.Subject.StartsWith("Гатчинский район", StringComparison.Ordinal)) == 2, "both Gatchina letters");

        Assert.Equal(NoticeStatus.Delivered, notice.Status);
        Assert.Equal(
            ["a.petrova@edu.example.ru", "gatchinsky@edu.example.ru"],
            letters.Where(l => l.Subject.StartsWith("Гатчинский район", StringComparison.Ordinal)).SelectMany(l => l.To).Order(StringComparer.Ordinal));
        Assert.Contains(letters, l => l.To.Contains("monitoring@edu.example.ru") && l.Subject.StartsWith("Зона высокого риска: Гатчинский район", StringComparison.Ordinal));
    }

    /// <summary>The workflow on the cases' registry; MailDev as the relay unless <paramref name="settings"/> say otherwise.</summary>
    private static async Task<LocalDeployment> StartAsync(Dictionary<string, string>? settings)
    {
        await using var registry = File.OpenRead(Path.Combine(Cases, "registry.csv"));
        return await TestDeployment.StartAsync(registry, settings);
    }

    private static async Task UploadRecipientsAsync(StorageAccount storage, string csv)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        await new RecipientListBlob(storage).UploadAsync(content, TestContext.Current.CancellationToken);
    }

    private static async Task<List<RecordedNotice>> NoticesAsync(StorageAccount storage) =>
        await new NotificationTable(storage, TimeProvider.System).ListAsync(Period, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

    private static async Task<List<DeliveryRecord>> DeliveriesAsync(StorageAccount storage) =>
        await new DeliveryTable(storage, TimeProvider.System).ListAsync(Period, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

    /// <summary>Waits until no notice or digest message waits or is in flight: each was completed, none left to a retry.</summary>
    private static async Task DrainedAsync(StorageAccount storage) =>
        await Poll.UntilAsync(
            async () => await storage.PendingMessagesAsync(QueueNames.RiskNotifications, TestContext.Current.CancellationToken)
                + await storage.PendingMessagesAsync(QueueNames.DigestRequests, TestContext.Current.CancellationToken),
            pending => pending == 0, "risk-notifications and digest-requests drained");

    /// <summary>Messages in every poison queue of the account.</summary>
    private static async Task<int> PoisonedAsync(StorageAccount storage)
    {
        var count = 0;
        await foreach (var queue in storage.Queues.GetQueuesAsync(prefix: null, cancellationToken: TestContext.Current.CancellationToken))
        {
            if (queue.Name.EndsWith("-poison", StringComparison.Ordinal))
            {
                count += await storage.PendingMessagesAsync(queue.Name, TestContext.Current.CancellationToken);
            }
        }

        return count;
    }
}
