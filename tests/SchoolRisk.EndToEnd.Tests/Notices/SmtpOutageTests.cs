using System.Text;
using Azure.Storage.Queues;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Domain.Periods;
using SchoolRisk.LocalHost.MailDev;
using SchoolRisk.LocalHost.NodeTools;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Uploads;
using SchoolRisk.Testing;

namespace SchoolRisk.EndToEnd.Tests.Notices;

/// <summary>The mail server is down when a notice is delivered, and comes back: the notice is retried and one letter arrives.</summary>
public sealed class SmtpOutageTests
{
    [Fact]
    public async Task MailServerDownDuringDelivery_IsRetried_AndWhenItComesBackExactlyOneLetterArrives()
    {
        var smtpPort = LoopbackPorts.Free(1)[0];
        await using var deployment = await TestDeployment.StartAsync(appSettings: new Dictionary<string, string>
        {
            ["Notifications__SmtpPort"] = $"{smtpPort}",
            ["Notifications__Attempts"] = "2",
            ["Notifications__RetryDelay"] = "00:00:00.200",
        });
        var notices = new NotificationTable(deployment.Storage, TimeProvider.System);
        using (var content = new MemoryStream(Encoding.UTF8.GetBytes("school_id,ege_below_min_share\nvsevolozhsky-001,15\n")))
        {
            await new UploadBlobs(deployment.Storage).UploadAsync("2023-2024/vsevolozhsky/schools.csv", content, TestContext.Current.CancellationToken);
        }

        var retrying = await Poll.UntilAsync(
            () => notices.ListAsync(Period.Parse("2023-2024"), TestContext.Current.CancellationToken).Where(n => n.MunicipalityId.ToString() == "vsevolozhsky").ToListAsync(TestContext.Current.CancellationToken).AsTask(),
            n => n.Count == 1 && n[0].Status == "Retrying", "the notice to fail on the unreachable mail server");
        await using var mail = await MailDevServer.StartAsync(TestDeployment.RepositoryRoot, smtpPort, TestContext.Current.CancellationToken);
        await Poll.UntilAsync(
            () => notices.ListAsync(Period.Parse("2023-2024"), TestContext.Current.CancellationToken).Where(n => n.MunicipalityId.ToString() == "vsevolozhsky").ToListAsync(TestContext.Current.CancellationToken).AsTask(),
            n => n[0].Status == "Delivered", "the retried notice delivered", TimeSpan.FromSeconds(90));
        var queue = new QueueClient(deployment.ConnectionString, QueueNames.RiskNotifications);
        await Poll.UntilAsync(async () => (await queue.GetPropertiesAsync(TestContext.Current.CancellationToken)).Value.ApproximateMessagesCount, count => count == 0, "risk-notifications drained");
        var delivery = await new DeliveryTable(deployment.Storage, TimeProvider.System).ListAsync(Period.Parse("2023-2024"), TestContext.Current.CancellationToken)
            .SingleAsync(d => d.RecipientId == "vsevolozhsky" && d.Channel == DeliveryChannel.Email, TestContext.Current.CancellationToken);

        Assert.Contains($"vsevolozhsky, почта: почтовый сервер 127.0.0.1:{smtpPort} недоступен или оборвал соединение", retrying[0].Reason, StringComparison.Ordinal);
        Assert.EndsWith("уведомление останется в очереди risk-notifications-poison до команды schoolrisk notices replay.", retrying[0].Reason, StringComparison.Ordinal);
        Assert.Single(await mail.ListAsync(TestContext.Current.CancellationToken), l => l.To.Contains("vsevolozhsky@edu.example.ru"));
        Assert.Equal(DeliveryStatus.Sent, delivery.Status);
        Assert.True(delivery.Attempts >= 2, $"{delivery.Attempts} attempts recorded");
    }
}
