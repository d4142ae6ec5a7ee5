using System.Text.Json;
using Azure.Core.Amqp;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Application.Notices;
using SchoolRisk.Cli;
using SchoolRisk.Cli.Samples;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Domain.Notices.Recipients;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.ServiceBus;
using SchoolRisk.Testing;

namespace SchoolRisk.EndToEnd.Tests.Notices;

/// <summary>
/// Notices published to the Service Bus topic end to end, through the local host and the local broker exactly as an
/// upload goes, read back with the real Azure.Messaging.ServiceBus client as a municipality's system reads them.
/// </summary>
public sealed class ServiceBusNoticeTests
{
    private static readonly Period Period = Period.Parse(SampleRegion.Period);
    private static readonly string Topic = new NoticeTopicOptions().Topic;
    private static readonly string[] Queues = [QueueNames.UploadEvents, QueueNames.PeriodRecalculations, QueueNames.RiskNotifications, QueueNames.DigestRequests, QueueNames.NoteRequests];

    [Fact]
    public async Task SamplePeriod_EachMunicipalityReceivesItsOwnNotices_TheCommitteeItsAlertsAndOneDigest_AndARedeliveredNoticePublishesNothingNew()
    {
        // One digest for the burst holds while no pause between its uploads' recalculations outlasts the digest delay; on a
        // busy two-core machine 2 s (the deployment's default) is too short for that, so the burst gets 10 s here.
        await using var deployment = await TestDeployment.StartAsync(appSettings: new Dictionary<string, string> { ["Notifications__DigestDelay"] = "00:00:10" });
        await deployment.UploadSamplePeriodAsync();
        var (notices, published) = await SettledAsync(deployment);
        await using var client = new ServiceBusClient(deployment.ServiceBusConnectionString);
        var administration = new ServiceBusAdministrationClient(deployment.ServiceBusConnectionString);

        // Every municipality told of its schools has its message, and the counts are what was published.
        Assert.All(
            notices.Where(notice => notice.Kind == NoticeKind.Evaluated),
            notice => Assert.Contains(published, delivery => delivery.NoticeId == notice.NoticeId && delivery.RecipientId == notice.MunicipalityId.ToString()));
        var expected = published.GroupBy(delivery => NoticeSubscription.NameOf(delivery.RecipientId)).ToDictionary(group => group.Key, group => group.Count());
        Assert.Equal(expected, await ActiveCountsAsync(administration));

        // A notice handed to Notify again publishes nothing: its delivery is recorded as sent.
        var again = notices.First(notice => notice.Kind == NoticeKind.Evaluated);
        await deployment.Storage.Queues.GetQueueClient(QueueNames.RiskNotifications).SendMessageAsync(
            MessageJson.Serialize(new NoticeMessage(again.NoticeId, again.MunicipalityId, Period, NoticeBlobs.BlobName(Period, again.MunicipalityId, again.NoticeId))),
            TestContext.Current.CancellationToken);
        await Poll.UntilAsync(() => deployment.Storage.PendingMessagesAsync(QueueNames.RiskNotifications, TestContext.Current.CancellationToken), pending => pending == 0, "the notice handled again");

        // And the topic drops a message id it has seen, the second guard.
        var seen = published.First(delivery => delivery.RecipientId == again.MunicipalityId.ToString());
        await using (var sender = client.CreateSender(Topic))
        {
            await sender.SendMessageAsync(
                new ServiceBusMessage("{}") { MessageId = seen.DeliveryId, ApplicationProperties = { [NoticeSubscription.RecipientProperty] = seen.RecipientId } },
                TestContext.Current.CancellationToken);
        }

        Assert.Equal(expected, await ActiveCountsAsync(administration));

        foreach (var municipality in SampleRegion.Municipalities.Select(municipality => municipality.Id))
        {
            var received = await ReceiveAllAsync(client, municipality);
            Assert.All(received, message => Assert.Equal((municipality, municipality), ((string)message.ApplicationProperties["recipient"], (string)message.ApplicationProperties["municipality"])));
            Assert.Equal(
                published.Where(delivery => delivery.RecipientId == municipality).Select(delivery => delivery.DeliveryId).Order(StringComparer.Ordinal),
                received.Select(message => message.MessageId).Order(StringComparer.Ordinal));
            Assert.All(received, message => Assert.False(string.IsNullOrWhiteSpace(JsonDocument.Parse(message.Body).RootElement.GetProperty("text").GetString())));
        }

        var committee = await ReceiveAllAsync(client, RecipientDirectory.Committee);
        Assert.Equal(
            published.Where(delivery => delivery.RecipientId == RecipientDirectory.Committee).Select(delivery => delivery.DeliveryId).Order(StringComparer.Ordinal),
            committee.Select(message => message.MessageId).Order(StringComparer.Ordinal));
        Assert.Single(committee, message => message.Subject == DeliveryPlan.DigestKind);
        Assert.Contains(committee, message => message.Subject == DeliveryPlan.CommitteeAlertKind);
        Assert.All(committee, message => Assert.Equal(RecipientDirectory.Committee, message.ApplicationProperties["recipient"]));
    }

    [Fact]
    public async Task AMunicipalityAddedToTheRegistry_GetsItsSubscription_BeforeAnyNotice_WithoutARedeploy()
    {
        await using var deployment = await TestDeployment.StartAsync();
        var administration = new ServiceBusAdministrationClient(deployment.ServiceBusConnectionString);
        await Poll.UntilAsync(
            () => SubscriptionsAsync(administration),
            names => SampleRegion.Municipalities.All(municipality => names.Contains(municipality.Id)) && names.Contains(RecipientDirectory.Committee),
            "every sample municipality's subscription and the committee's");
        Assert.DoesNotContain("novoladozhsky", await SubscriptionsAsync(administration));

        var registry = await File.ReadAllTextAsync(Path.Combine(TestDeployment.RepositoryRoot, "samples", "registry", "schools.csv"), TestContext.Current.CancellationToken);
        await using (var edited = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(registry.TrimEnd() + "\nnovoladozhsky-001,Новоладожская школа,novoladozhsky,secondary,urban,no,300\n")))
        {
            await new SchoolRegistryBlob(deployment.Storage).UploadAsync(edited, TestContext.Current.CancellationToken);
        }

        await Poll.UntilAsync(() => SubscriptionsAsync(administration), names => names.Contains("novoladozhsky"), "the new municipality's subscription");
    }

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
    public async Task ANoticeAndADigestTooLargeForAMessage_ArePublishedWithAReadOnlyLinkToTheirBlobs_AndTheLinksGiveTheWholeOfEach()
    {
        const int Schools = 1500;
        await using var deployment = await TestDeployment.StartAsync(TestDeployment.RegistryOfOne("kirishsky", Schools));
        var upload = new System.Text.StringBuilder("school_id,ege_below_min_share\n");
        for (var n = 1; n <= Schools; n++)
        {
            upload.Append(System.Globalization.CultureInfo.InvariantCulture, $"kirishsky-{n:00000},15\n");
        }

        await deployment.UploadAsync($"{SampleRegion.Period}/kirishsky/schools.csv", upload.ToString());
        await Poll.UntilAsync(
            () => PublishedAsync(new DeliveryTable(deployment.Storage, TimeProvider.System), DeliveryStatus.Sent),
            sent => sent.Any(delivery => delivery.RecipientId == "kirishsky"), "the municipality's notice published", TimeSpan.FromMinutes(3));
        await using var client = new ServiceBusClient(deployment.ServiceBusConnectionString);

        var message = Assert.Single(await ReceiveAllAsync(client, "kirishsky"));
        using var body = JsonDocument.Parse(message.Body);
        var dataUrl = new Uri(body.RootElement.GetProperty("dataUrl").GetString()!);
        using var http = new HttpClient();
        using var notice = JsonDocument.Parse(await http.GetStringAsync(dataUrl, TestContext.Current.CancellationToken));

        Assert.True(message.Body.ToMemory().Length <= NoticeTopic.MaxBodyBytes, $"{message.Body.ToMemory().Length} bytes");
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("data").ValueKind);
        Assert.True(body.RootElement.GetProperty("dataUrlExpiresOn").GetDateTimeOffset() > TimeProvider.System.GetUtcNow().AddDays(6));
        Assert.Contains("полностью оно в письме и по ссылке dataUrl", body.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(Schools, notice.RootElement.GetProperty("schools").GetArrayLength());
        Assert.Equal((Schools, 0), ((int)message.ApplicationProperties["highZoneSchools"], (int)message.ApplicationProperties["mediumZoneSchools"]));

        // The digest lists the 1,500 schools new to the high zone: too large as well, it links its own blob.
        await Poll.UntilAsync(
            () => PublishedAsync(new DeliveryTable(deployment.Storage, TimeProvider.System), DeliveryStatus.Sent),
            sent => sent.Any(delivery => delivery.Kind == DeliveryPlan.DigestKind), "the digest published", TimeSpan.FromMinutes(3));
        var digestMessage = Assert.Single(await ReceiveAllAsync(client, RecipientDirectory.Committee), received => received.Subject == DeliveryPlan.DigestKind);
        using var digestBody = JsonDocument.Parse(digestMessage.Body);
        using var digest = JsonDocument.Parse(await http.GetStringAsync(new Uri(digestBody.RootElement.GetProperty("dataUrl").GetString()!), TestContext.Current.CancellationToken));

        Assert.True(digestMessage.Body.ToMemory().Length <= NoticeTopic.MaxBodyBytes, $"{digestMessage.Body.ToMemory().Length} bytes");
        Assert.Equal(Schools, digest.RootElement.GetProperty("newHigh").GetArrayLength());
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

    /// <summary>Uploads the municipality's sample schools file and waits until its notice is published to the topic.</summary>
    private static async Task UploadSampleAndWaitForItsNoticeAsync(LocalDeployment deployment, string municipality)
    {
        var file = Assert.Single(Directory.GetFiles(Path.Combine(TestDeployment.RepositoryRoot, "samples", "uploads", SampleRegion.Period, municipality), "schools.*"));
        await deployment.UploadAsync($"{SampleRegion.Period}/{municipality}/schools.csv", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        await Poll.UntilAsync(
            () => PublishedAsync(new DeliveryTable(deployment.Storage, TimeProvider.System), DeliveryStatus.Sent),
            sent => sent.Any(delivery => delivery.RecipientId == municipality), "the municipality's notice published", TimeSpan.FromMinutes(2));
    }

    /// <summary>Waits until every queue is empty, every notice delivered and the digest among them; returns the notices and the Service Bus deliveries.</summary>
    private static async Task<(List<RecordedNotice> Notices, List<DeliveryRecord> Published)> SettledAsync(LocalDeployment deployment)
    {
        var (_, notices) = await Poll.UntilAsync(
            async () =>
            {
                var pending = 0;
                foreach (var queue in Queues)
                {
                    pending += await deployment.Storage.PendingMessagesAsync(queue, TestContext.Current.CancellationToken);
                }

                return (pending, await new NotificationTable(deployment.Storage, TimeProvider.System).ListAsync(Period, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
            },
            quiet => quiet.pending == 0 && quiet.Item2.Any(notice => notice.Kind == NoticeKind.Digest) && quiet.Item2.All(notice => notice.Status == NoticeStatus.Delivered),
            "every notice and the digest delivered, nothing left on the queues", TimeSpan.FromMinutes(4));
        var published = await new DeliveryTable(deployment.Storage, TimeProvider.System).ListAsync(Period, TestContext.Current.CancellationToken)
            .Where(delivery => delivery.Channel == DeliveryChannel.ServiceBus).ToListAsync(TestContext.Current.CancellationToken);
        Assert.All(published, delivery => Assert.Equal(DeliveryStatus.Sent, delivery.Status));
        return (notices, published);
    }

    private static async Task<List<DeliveryRecord>> PublishedAsync(DeliveryTable deliveries, DeliveryStatus status) =>
        await deliveries.ListAsync(Period, TestContext.Current.CancellationToken)
            .Where(delivery => delivery.Channel == DeliveryChannel.ServiceBus && delivery.Status == status).ToListAsync(TestContext.Current.CancellationToken);

    private static async Task<Dictionary<string, int>> ActiveCountsAsync(ServiceBusAdministrationClient administration)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var subscription in administration.GetSubscriptionsRuntimePropertiesAsync(Topic, TestContext.Current.CancellationToken))
        {
            if (subscription.ActiveMessageCount > 0)
            {
                counts[subscription.SubscriptionName] = (int)subscription.ActiveMessageCount;
            }
        }

        return counts;
    }

    private static async Task<HashSet<string>> SubscriptionsAsync(ServiceBusAdministrationClient administration)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var subscription in administration.GetSubscriptionsAsync(Topic, TestContext.Current.CancellationToken))
        {
            names.Add(subscription.SubscriptionName);
        }

        return names;
    }

    /// <summary>Every message waiting in the recipient's subscription, each completed.</summary>
    private static async Task<List<ServiceBusReceivedMessage>> ReceiveAllAsync(ServiceBusClient client, string recipientId)
    {
        await using var receiver = client.CreateReceiver(Topic, NoticeSubscription.NameOf(recipientId));
        var received = new List<ServiceBusReceivedMessage>();
        while (await receiver.ReceiveMessagesAsync(100, TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken) is { Count: > 0 } batch)
        {
            foreach (var message in batch)
            {
                await receiver.CompleteMessageAsync(message, TestContext.Current.CancellationToken);
            }

            received.AddRange(batch);
        }

        return received;
    }
}
