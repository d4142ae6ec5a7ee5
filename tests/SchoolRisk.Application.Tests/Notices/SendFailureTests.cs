using System.Net.Sockets;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Application.Notices;
using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Domain.Notices.Letters;
using SchoolRisk.Domain.Notices.Recipients;
using SchoolRisk.Domain.Periods;
using SchoolRisk.LocalHost.NodeTools;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Testing;

namespace SchoolRisk.Application.Tests.Notices;

/// <summary>
/// Each way a send can fail ends as a classified <see cref="DeliveryFailedException"/> with a reason in Russian:
/// permanent when a person must fix something, transient when trying again can help; and whatever one send throws, the
/// notice's other addresses are served.
/// </summary>
public sealed class SendFailureTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly Letter Letter = new("Тема", "<p>Письмо</p>", "Письмо");

    [Theory]
    [InlineData(SecureSocketOptions.SslOnConnect)]
    [InlineData(SecureSocketOptions.StartTls)]
    public async Task Mail_RelayPresentsACertificateTheAppDoesNotTrust_IsPermanent_AndNamesTheCertificateAndTheSetting(SecureSocketOptions security)
    {
        await using var relay = FakeSmtpRelay.Start(security);

        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() =>
            new MailSender(Options(relay.Port, security)).SendAsync(Mail("gatchinsky@edu.example.ru"), TestContext.Current.CancellationToken));

        Assert.True(failure.Permanent);
        Assert.Equal(1, relay.Handshakes);
        Assert.Contains($"почтовый сервер 127.0.0.1:{relay.Port} предъявил сертификат, которому приложение не доверяет", failure.Message, StringComparison.Ordinal);
        Assert.Contains("не выдан доверенным центром сертификации (например, самоподписанный)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("«CN=relay.schoolrisk.test»", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Notifications:SmtpHost", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mail_NothingListening_IsTransient()
    {
        var port = LoopbackPorts.Free(1)[0];

        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() =>
            new MailSender(Options(port, SecureSocketOptions.None)).SendAsync(Mail("gatchinsky@edu.example.ru"), TestContext.Current.CancellationToken));

        Assert.False(failure.Permanent);
        Assert.IsType<SocketException>(failure.InnerException);
        Assert.StartsWith($"почтовый сервер 127.0.0.1:{port} недоступен или оборвал соединение", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("550 5.1.1 <nobody@edu.example.ru>: mailbox unavailable", true, "не принял адрес «nobody@edu.example.ru»: 550")]
    [InlineData("451 4.3.0 Try again later", false, "временно отказал: 451")]
    public async Task Mail_RelayRefusesTheRecipient_5xxIsPermanent_4xxTransient(string reply, bool permanent, string reason)
    {
        await using var relay = FakeSmtpRelay.Start(SecureSocketOptions.None, reply);

        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() =>
            new MailSender(Options(relay.Port, SecureSocketOptions.None)).SendAsync(Mail("nobody@edu.example.ru"), TestContext.Current.CancellationToken));

        Assert.Equal(permanent, failure.Permanent);
        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, relay.Accepted);
    }

    [Theory]
    [InlineData("Петрова Анна <a.petrova@edu.example.ru>, gatchinsky@edu.example.ru")]
    [InlineData("a.petrova@")]
    [InlineData("нет адреса")]
    public async Task Mail_AnAddressMimeKitRefuses_IsPermanent_AndSaysWhereToFixIt(string address)
    {
        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() =>
            new MailSender(Options(LoopbackPorts.Free(1)[0], SecureSocketOptions.None)).SendAsync(Mail(address), TestContext.Current.CancellationToken));

        Assert.True(failure.Permanent);
        Assert.Equal(
            $"адрес «{address}» не читается как один адрес электронной почты; исправьте столбец email адресата «gatchinsky» в справочнике адресатов (registry/recipients.csv).",
            failure.Message);
    }

    [Fact]
    public async Task Mail_ADisplayNameAddress_GoesToThatMailboxUnderItsOwnName()
    {
        await using var relay = FakeSmtpRelay.Start(SecureSocketOptions.None);

        await new MailSender(Options(relay.Port, SecureSocketOptions.None)).SendAsync(Mail("Петрова Анна <a.petrova@edu.example.ru>"), TestContext.Current.CancellationToken);

        Assert.Equal(["<a.petrova@edu.example.ru>"], relay.Recipients);
        Assert.Equal(1, relay.Accepted);
    }

    [Fact]
    public async Task Webhook_ARedirect_IsPermanent_NamesTheStatusAndTheLocation_AndIsNotFollowed()
    {
        await using var receiver = await WebhookReceiver.StartAsync("s3cret");
        using var http = WebhookSender.CreateHttpClient(TimeSpan.FromSeconds(10));

        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() =>
            new WebhookSender(http, TimeProvider.System).SendAsync(Hook(receiver.MovedUrl), TestContext.Current.CancellationToken));

        Assert.True(failure.Permanent);
        Assert.Equal(
            $"адрес веб-хука {receiver.MovedUrl} отвечает перенаправлением 301 на {receiver.Url}; укажите в справочнике адресатов конечный адрес.", failure.Message);
        Assert.Equal((0, 0), (receiver.Gets, receiver.Accepted.Count));
    }

    [Fact]
    public async Task Webhook_AClientThatFollowsRedirects_StillNeverMakesTheRedirectedAnswerASend()
    {
        await using var receiver = await WebhookReceiver.StartAsync("s3cret");
        using var following = new HttpClient();

        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() =>
            new WebhookSender(following, TimeProvider.System).SendAsync(Hook(receiver.MovedUrl), TestContext.Current.CancellationToken));

        Assert.True(failure.Permanent);
        Assert.Equal(1, receiver.Gets);
        Assert.Contains($"ответ получен не от адреса веб-хука {receiver.MovedUrl}, а от {receiver.Url}", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(408, false)]
    [InlineData(429, false)]
    [InlineData(500, false)]
    [InlineData(503, false)]
    [InlineData(400, true)]
    [InlineData(403, true)]
    [InlineData(404, true)]
    public async Task Webhook_AnswerStatus_408_429_5xxTransient_Other4xxPermanent(int status, bool permanent)
    {
        await using var receiver = await WebhookReceiver.StartAsync("s3cret");
        receiver.Status = status;
        using var http = WebhookSender.CreateHttpClient(TimeSpan.FromSeconds(10));

        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() =>
            new WebhookSender(http, TimeProvider.System).SendAsync(Hook(receiver.Url), TestContext.Current.CancellationToken));

        Assert.Equal(permanent, failure.Permanent);
        Assert.StartsWith($"веб-хук {receiver.Url} ответил {status} ", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_NothingListening_IsTransient()
    {
        var url = new Uri($"http://127.0.0.1:{LoopbackPorts.Free(1)[0]}/hooks/risk");
        using var http = WebhookSender.CreateHttpClient(TimeSpan.FromSeconds(10));

        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() => new WebhookSender(http, TimeProvider.System).SendAsync(Hook(url), TestContext.Current.CancellationToken));

        Assert.False(failure.Permanent);
        Assert.StartsWith($"веб-хук {url} недоступен", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliverer_WhateverOneSendThrows_TheOtherAddressesAreServed_AndEachOutcomeIsRecordedWithItsReason()
    {
        var period = Period.Parse("2023-2024");
        await azurite.Storage.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        var table = new DeliveryTable(azurite.Storage, TimeProvider.System);
        var senders = new IDeliverySender[]
        {
            new ThrowingSender(DeliveryChannel.Email, address => address switch
            {
                "bug@edu.example.ru" => new InvalidOperationException("Collection was modified."),
                "refused@edu.example.ru" => new DeliveryFailedException("адрес отклонён", permanent: true),
                _ => null,
            }),
            new ThrowingSender(DeliveryChannel.Webhook, _ => new HttpRequestException("reset")),
        };
        var deliverer = new NoticeDeliverer(senders, table, new DeliveryOptions { Attempts = 1 }, TimeProvider.System, NullLogger<NoticeDeliverer>.Instance);
        var noticeId = $"2023-2024_{Guid.NewGuid():N}_v1";
        Delivery Planned(string address, DeliveryChannel channel = DeliveryChannel.Email) => channel == DeliveryChannel.Email
            ? new(Guid.NewGuid().ToString("N"), noticeId, "notice", new Recipient("gatchinsky", "Гатчинский район", address, null, null), channel, Letter, new { })
            : new(Guid.NewGuid().ToString("N"), noticeId, "notice", new Recipient("gatchinsky", "Гатчинский район", null, new Uri(address), "k"), channel, Letter, new { });

        var outcome = await deliverer.DeliverAsync(
            period, [Planned("bug@edu.example.ru"), Planned("refused@edu.example.ru"), Planned("https://hooks.example.ru/x", DeliveryChannel.Webhook), Planned("ok@edu.example.ru")],
            TestContext.Current.CancellationToken);
        var recorded = await table.ListAsync(period, TestContext.Current.CancellationToken).Where(d => d.NoticeId == noticeId)
            .ToDictionaryAsync(d => d.Address, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal((1, 1, 2), (outcome.Sent, outcome.Permanent.Count, outcome.Transient.Count));
        Assert.Equal(DeliveryStatus.Sent, recorded["ok@edu.example.ru"].Status);
        Assert.Equal((DeliveryStatus.Failed, "адрес отклонён"), (recorded["refused@edu.example.ru"].Status, recorded["refused@edu.example.ru"].Reason));
        Assert.Equal(
            (DeliveryStatus.Retrying, "непредвиденная ошибка при доставке (InvalidOperationException): Collection was modified."),
            (recorded["bug@edu.example.ru"].Status, recorded["bug@edu.example.ru"].Reason));
        Assert.Equal(DeliveryStatus.Retrying, recorded["https://hooks.example.ru/x"].Status);
        Assert.Contains("gatchinsky, почта: адрес отклонён", outcome.Permanent);
    }

    [Fact]
    public void NoticeStatus_RetryingWhileATransientFailureRemains_FailedWithOnlyPermanentOnes_TheReasonSaysWhatHappensNext()
    {
        var transient = new DeliveryOutcome(1, 0, ["gatchinsky, веб-хук: адрес веб-хука отвечает перенаправлением"], ["committee, почта: почтовый сервер недоступен"]);
        var permanent = transient with { Transient = [] };

        var (retrying, retryingReason) = transient.NoticeStatus([], QueueNames.DigestRequests);
        var (failed, failedReason) = permanent.NoticeStatus(["kirovsky: нет адреса"], QueueNames.RiskNotifications);

        Assert.Equal((NoticeStatus.Retrying, NoticeStatus.Failed), (retrying, failed));
        Assert.Equal(
            "committee, почта: почтовый сервер недоступен | gatchinsky, веб-хук: адрес веб-хука отвечает перенаправлением " +
            "Доставка повторяется автоматически; если все попытки не удадутся, уведомление останется в очереди digest-requests-poison до команды schoolrisk notices replay --queue digest-requests.",
            retryingReason);
        Assert.StartsWith("kirovsky: нет адреса | gatchinsky, веб-хук:", failedReason, StringComparison.Ordinal);
        Assert.EndsWith(DeliveryOutcome.FailedNote, failedReason, StringComparison.Ordinal);
        Assert.Equal((NoticeStatus.Delivered, (string?)null), new DeliveryOutcome(2, 1, [], []).NoticeStatus([], QueueNames.RiskNotifications));
    }

    private static DeliveryOptions Options(int port, SecureSocketOptions security) =>
        new() { SmtpHost = "127.0.0.1", SmtpPort = port, SmtpSecurity = security, Timeout = TimeSpan.FromSeconds(10) };

    private static Delivery Mail(string address) =>
        new("d1", "n1", "notice", new Recipient("gatchinsky", "Гатчинский район", address, null, null), DeliveryChannel.Email, Letter, new { });

    private static Delivery Hook(Uri url) =>
        new("d1", "n1", "notice", new Recipient("gatchinsky", "Гатчинский район", null, url, "s3cret"), DeliveryChannel.Webhook, Letter, new { });

    /// <summary>A sender that throws what <paramref name="failureOf"/> gives for an address, or succeeds.</summary>
    private sealed class ThrowingSender(DeliveryChannel channel, Func<string, Exception?> failureOf) : IDeliverySender
    {
        public DeliveryChannel Channel => channel;

        public Task SendAsync(Delivery delivery, CancellationToken cancellationToken) =>
            failureOf(delivery.Address) is { } failure ? Task.FromException(failure) : Task.CompletedTask;
    }
}
