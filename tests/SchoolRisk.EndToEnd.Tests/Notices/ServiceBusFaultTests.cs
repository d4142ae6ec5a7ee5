using Azure.Core.Amqp;
using Azure.Messaging.ServiceBus;
using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.ServiceBus;
using SchoolRisk.Testing;
using static SchoolRisk.EndToEnd.Tests.Notices.ServiceBusTopicReads;

namespace SchoolRisk.EndToEnd.Tests.Notices;

/// <summary>
/// The Service Bus channel when things go wrong, end to end: the broker down during a burst, a message its reader keeps
/// abandoning, a message nobody can read; and <c>schoolrisk notices receive</c>, the municipalities' reader.
/// </summary>
public sealed class ServiceBusFaultTests
{
    [Fact]
    public async Task BrokerStoppedDuringABurstAndStartedAgain_NoNoticeIsLost_TheFailedPublishesAreRetriedThenSent()
    {
        await using var deployment = await TestDeployment.StartAsync();
        var deliveries = new DeliveryTable(deployment.Storage, TimeProvider.System);
        await deployment.UploadSamplePeriodAsync();
        await Poll.UntilAsync(() => PublishedAsync(deliveries, DeliveryStatus.Sent), sent => sent.Count >= 1, "the first notice published", TimeSpan.FromMinutes(2));

        await deployment.StopServiceBusAsync();
        await Poll.UntilAsync(() => PublishedAsync(deliveries, DeliveryStatus.Retrying), retrying => retrying.Count >= 1, "a publish failing while the broker is down", TimeSpan.FromMinutes(2));
        await deployment.StartServiceBusAsync(TestContext.Current.CancellationToken);

        var (_, published) = await SettledAsync(deployment);
        await using var client = new ServiceBusClient(deployment.ServiceBusConnectionString);
        var received = new List<ServiceBusReceivedMessage>();
        foreach (var recipient in published.Select(delivery => delivery.RecipientId).Distinct())
        {
            received.AddRange(await ReceiveAllAsync(client, recipient));
        }

        Assert.Equal(published.Select(delivery => delivery.DeliveryId).Order(StringComparer.Ordinal), received.Select(message => message.MessageId).Order(StringComparer.Ordinal));
        Assert.Contains(published, delivery => delivery.Attempts > 1);
    }

    [Fact]
    public async Task AMessageAbandonedMoreTimesThanTheSubscriptionAllows_LandsInItsDeadLetterQueue()
    {
        await using var deployment = await TestDeployment.StartAsync();
        await UploadSampleAndWaitForItsNoticeAsync(deployment, "gatchinsky");
        await using var client = new ServiceBusClient(deployment.ServiceBusConnectionString);
        await using var receiver = client.CreateReceiver(Topic, "gatchinsky");

        string? messageId = null;
        for (var delivery = 1; delivery <= new NoticeTopicOptions().MaxDeliveryCount; delivery++)
        {
            var message = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            Assert.NotNull(message);
            Assert.Equal(delivery, message.DeliveryCount);
            messageId ??= message.MessageId;
            Assert.Equal(messageId, message.MessageId);
            await receiver.AbandonMessageAsync(message, cancellationToken: TestContext.Current.CancellationToken);
        }

        await using var deadLetters = client.CreateReceiver(Topic, "gatchinsky", new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        var deadLettered = await deadLetters.ReceiveMessageAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.NotNull(deadLettered);
        Assert.Equal((messageId, "MaxDeliveryCountExceeded"), (deadLettered.MessageId, deadLettered.DeadLetterReason));
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task NoticesReceive_PrintsEachNoticeInRussianAndCompletesIt_AndDeadLettersOneItCannotRead()
    {
        await using var deployment = await TestDeployment.StartAsync();
        await UploadSampleAndWaitForItsNoticeAsync(deployment, "gatchinsky");
        await using var client = new ServiceBusClient(deployment.ServiceBusConnectionString);
        await using (var sender = client.CreateSender(Topic))
        {
            await sender.SendMessageAsync(
                new ServiceBusMessage("не JSON") { MessageId = "broken-1", ApplicationProperties = { [NoticeSubscription.RecipientProperty] = "gatchinsky" } },
                TestContext.Current.CancellationToken);
            var valueBody = new ServiceBusMessage { MessageId = "broken-2", ApplicationProperties = { [NoticeSubscription.RecipientProperty] = "gatchinsky" } };
            valueBody.GetRawAmqpMessage().Body = AmqpMessageBody.FromValue("не данные");
            await sender.SendMessageAsync(valueBody, TestContext.Current.CancellationToken);
        }

        var (exit, output) = await CliProcess.RunAsync("notices", "receive", "--municipality", "gatchinsky", "--service-bus", deployment.ServiceBusConnectionString, "--wait", "2");

        Assert.True(exit == 0, output);
        Assert.Contains("Гатчинский", output, StringComparison.Ordinal);
        Assert.Contains("итоги оценки · 2023-2024 · gatchinsky", output, StringComparison.Ordinal);
        Assert.Contains("Прочитано уведомлений: 1; не прочитано и перемещено в очередь недоставленных: 2", output, StringComparison.Ordinal);
        Assert.Contains("сообщение broken-1 не прочитано", output, StringComparison.Ordinal);
        Assert.Contains("сообщение broken-2 не прочитано: его тело не данные", output, StringComparison.Ordinal);
        await using var receiver = client.CreateReceiver(Topic, "gatchinsky");
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken));
        await using var deadLetters = client.CreateReceiver(Topic, "gatchinsky", new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        List<ServiceBusReceivedMessage?> deadLettered = [
            await deadLetters.ReceiveMessageAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken),
            await deadLetters.ReceiveMessageAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken)];
        Assert.Equal(["broken-1", "broken-2"], deadLettered.Select(message => message?.MessageId).Order(StringComparer.Ordinal));
        Assert.Contains("не читается как JSON", deadLettered.Single(message => message?.MessageId == "broken-1")!.DeadLetterErrorDescription, StringComparison.Ordinal);

        // A subscription that does not exist, and no broker at all, are told in a sentence, not a stack trace.
        var (noSuchExit, noSuch) = await CliProcess.RunAsync("notices", "receive", "--municipality", "nosuch", "--service-bus", deployment.ServiceBusConnectionString, "--wait", "1");
        Assert.Equal((1, true), (noSuchExit, noSuch.Contains("подписка «nosuch» темы «risk-notices»", StringComparison.Ordinal) && noSuch.Contains("такой подписки (или темы) нет", StringComparison.Ordinal)));
        await deployment.StopServiceBusAsync();
        var (downExit, down) = await CliProcess.RunAsync("notices", "receive", "--municipality", "gatchinsky", "--service-bus", deployment.ServiceBusConnectionString, "--wait", "1");
        Assert.Equal((1, true, false), (downExit, down.Contains("Service Bus недоступна", StringComparison.Ordinal), down.Contains("   at ", StringComparison.Ordinal)));
    }
}
