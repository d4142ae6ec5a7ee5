using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Cli;
using SchoolRisk.Cli.Samples;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.ServiceBus;
using SchoolRisk.Testing;

namespace SchoolRisk.EndToEnd.Tests.Notices;

/// <summary>
/// What the Service Bus notice tests share: the sample period, the topic, and the reads of the topic, the queues and the
/// delivery records they wait on.
/// </summary>
internal static class ServiceBusTopicReads
{
    public static readonly Period SamplePeriod = Period.Parse(SampleRegion.Period);
    public static readonly string Topic = new NoticeTopicOptions().Topic;
    public static readonly string[] Queues = [QueueNames.UploadEvents, QueueNames.PeriodRecalculations, QueueNames.RiskNotifications, QueueNames.DigestRequests, QueueNames.NoteRequests];

    /// <summary>Uploads the municipality's sample schools file and waits until its notice is published to the topic.</summary>
    public static async Task UploadSampleAndWaitForItsNoticeAsync(LocalDeployment deployment, string municipality)
    {
        var file = Assert.Single(Directory.GetFiles(Path.Combine(TestDeployment.RepositoryRoot, "samples", "uploads", SampleRegion.Period, municipality), "schools.*"));
        await deployment.UploadAsync($"{SampleRegion.Period}/{municipality}/schools.csv", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        await Poll.UntilAsync(
            () => PublishedAsync(new DeliveryTable(deployment.Storage, TimeProvider.System), DeliveryStatus.Sent),
            sent => sent.Any(delivery => delivery.RecipientId == municipality), "the municipality's notice published", TimeSpan.FromMinutes(2));
    }

    /// <summary>Waits until every queue is empty, every notice delivered and the digest among them; returns the notices and the Service Bus deliveries.</summary>
    public static async Task<(List<RecordedNotice> Notices, List<DeliveryRecord> Published)> SettledAsync(LocalDeployment deployment)
    {
        var (_, notices) = await Poll.UntilAsync(
            async () =>
            {
                var pending = 0;
                foreach (var queue in Queues)
                {
                    pending += await deployment.Storage.PendingMessagesAsync(queue, TestContext.Current.CancellationToken);
                }

                return (pending, await new NotificationTable(deployment.Storage, TimeProvider.System).ListAsync(SamplePeriod, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
            },
            quiet => quiet.pending == 0 && quiet.Item2.Any(notice => notice.Kind == NoticeKind.Digest) && quiet.Item2.All(notice => notice.Status == NoticeStatus.Delivered),
            "every notice and the digest delivered, nothing left on the queues", TimeSpan.FromMinutes(4));
        var published = await new DeliveryTable(deployment.Storage, TimeProvider.System).ListAsync(SamplePeriod, TestContext.Current.CancellationToken)
            .Where(delivery => delivery.Channel == DeliveryChannel.ServiceBus).ToListAsync(TestContext.Current.CancellationToken);
        Assert.All(published, delivery => Assert.Equal(DeliveryStatus.Sent, delivery.Status));
        return (notices, published);
    }

    public static async Task<List<DeliveryRecord>> PublishedAsync(DeliveryTable deliveries, DeliveryStatus status) =>
        await deliveries.ListAsync(SamplePeriod, TestContext.Current.CancellationToken)
            .Where(delivery => delivery.Channel == DeliveryChannel.ServiceBus && delivery.Status == status).ToListAsync(TestContext.Current.CancellationToken);

    public static async Task<Dictionary<string, int>> ActiveCountsAsync(ServiceBusAdministrationClient administration)
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

    public static async Task<HashSet<string>> SubscriptionsAsync(ServiceBusAdministrationClient administration)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var subscription in administration.GetSubscriptionsAsync(Topic, TestContext.Current.CancellationToken))
        {
            names.Add(subscription.SubscriptionName);
        }

        return names;
    }

    /// <summary>Every message waiting in the recipient's subscription, each completed.</summary>
    public static async Task<List<ServiceBusReceivedMessage>> ReceiveAllAsync(ServiceBusClient client, string recipientId)
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
