using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using SchoolRisk.LocalHost.ServiceBus;
using SchoolRisk.Testing;

namespace SchoolRisk.LocalHost.Tests.ServiceBus;

/// <summary>
/// The local Service Bus broker, driven only through the real client (Azure.Messaging.ServiceBus 7.21.0): the
/// connection string serves both clients on one port; keys are checked; the management calls the product makes; topic
/// filtering, duplicate detection, batches and the size limit; peek-lock settlement, the delivery limit, lock expiry
/// and renewal, the dead-letter queue; a restart that loses nothing acknowledged; the logs.
/// </summary>
public sealed class ServiceBusBrokerTests
{
    private const string Topic = "risk-notices";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConnectionString_ServesTheClientAndTheAdministrationClientOnOnePort()
    {
        await using var broker = await ServiceBusBroker.StartAsync(new ServiceBusBrokerOptions(), Cancellation);
        var admin = new ServiceBusAdministrationClient(broker.ConnectionString);
        await using var client = new ServiceBusClient(broker.ConnectionString);

        await admin.CreateTopicAsync(Topic, Cancellation);
        await admin.CreateSubscriptionAsync(Topic, "committee", Cancellation);
        await using var sender = client.CreateSender(Topic);
        await sender.SendMessageAsync(new ServiceBusMessage("zone changed") { MessageId = "n-1", Subject = "RiskZoneChanged" }, Cancellation);
        await using var receiver = client.CreateReceiver(Topic, "committee");
        var received = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(30), Cancellation);

        Assert.Contains($"Endpoint=sb://127.0.0.1:{broker.Port};", broker.ConnectionString, StringComparison.Ordinal);
        Assert.NotNull(received);
        Assert.Equal("zone changed", received.Body.ToString());
        Assert.Equal("n-1", received.MessageId);
        Assert.Equal("RiskZoneChanged", received.Subject);
        Assert.Equal(1, received.DeliveryCount);
        Assert.True(received.SequenceNumber > 0);
        Assert.True(received.LockedUntil > TimeProvider.System.GetUtcNow());
        await receiver.CompleteMessageAsync(received, Cancellation);
        Assert.Equal(0, (await admin.GetSubscriptionRuntimePropertiesAsync(Topic, "committee", Cancellation)).Value.ActiveMessageCount);
    }

    [Fact]
    public async Task WrongKey_IsUnauthorizedForTheClientAndTheAdministrationClient()
    {
        await using var broker = await ServiceBusBroker.StartAsync(new ServiceBusBrokerOptions(), Cancellation);
        await new ServiceBusAdministrationClient(broker.ConnectionString).CreateTopicAsync(Topic, Cancellation);
        var wrong = broker.ConnectionString.Replace("SharedAccessKey=", "SharedAccessKey=x", StringComparison.Ordinal);
        await using var client = new ServiceBusClient(wrong);
        await using var sender = client.CreateSender(Topic);

        var sending = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => sender.SendMessageAsync(new ServiceBusMessage("x"), Cancellation));
        var managing = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => new ServiceBusAdministrationClient(wrong).GetTopicAsync(Topic, Cancellation));

        Assert.Contains("signature does not match", sending.Message, StringComparison.Ordinal);
        Assert.Contains("401", managing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Management_CreatesGetsAndDeletesEntities_KeepingTheirSettings_And409And404AsServiceBus()
    {
        await using var broker = await ServiceBusBroker.StartAsync(new ServiceBusBrokerOptions(), Cancellation);
        var admin = new ServiceBusAdministrationClient(broker.ConnectionString);

        var created = (await admin.CreateTopicAsync(
            new CreateTopicOptions(Topic) { RequiresDuplicateDetection = true, DuplicateDetectionHistoryTimeWindow = TimeSpan.FromMinutes(3) },
            Cancellation)).Value;
        await LugaSubscriptionAsync(admin, new CreateSubscriptionOptions(Topic, "municipality-luga") { LockDuration = TimeSpan.FromSeconds(45), MaxDeliveryCount = 4 });
        await admin.CreateSubscriptionAsync(Topic, "committee", Cancellation);
        var topic = (await admin.GetTopicAsync(Topic, Cancellation)).Value;
        var subscription = (await admin.GetSubscriptionAsync(Topic, "municipality-luga", Cancellation)).Value;
        var names = new List<string>();
        await foreach (var listed in admin.GetSubscriptionsAsync(Topic, Cancellation))
        {
            names.Add(listed.SubscriptionName);
        }

        var again = await Assert.ThrowsAsync<ServiceBusException>(() => admin.CreateTopicAsync(Topic, Cancellation));
        var missing = await Assert.ThrowsAsync<ServiceBusException>(() => admin.GetSubscriptionAsync(Topic, "nobody", Cancellation));
        var orphan = await Assert.ThrowsAsync<ServiceBusException>(() => admin.CreateSubscriptionAsync("no-such-topic", "x", Cancellation));
        await admin.DeleteSubscriptionAsync(Topic, "committee", Cancellation);

        Assert.True(created.RequiresDuplicateDetection);
        Assert.True(topic.RequiresDuplicateDetection);
        Assert.Equal(TimeSpan.FromMinutes(3), topic.DuplicateDetectionHistoryTimeWindow);
        Assert.Equal(TimeSpan.FromSeconds(45), subscription.LockDuration);
        Assert.Equal(4, subscription.MaxDeliveryCount);
        Assert.Equal(["committee", "municipality-luga"], names);
        Assert.Equal(ServiceBusFailureReason.MessagingEntityAlreadyExists, again.Reason);
        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, missing.Reason);
        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, orphan.Reason);
        Assert.True((await admin.TopicExistsAsync(Topic, Cancellation)).Value);
        Assert.False((await admin.TopicExistsAsync("other", Cancellation)).Value);
        Assert.True((await admin.SubscriptionExistsAsync(Topic, "municipality-luga", Cancellation)).Value);
        Assert.False((await admin.SubscriptionExistsAsync(Topic, "committee", Cancellation)).Value);
    }

    [Fact]
    public async Task SqlFilterOtherThanOneEqualsOne_IsRefusedWithTheLimitNamed_AndOneEqualsOneTakesEverything()
    {
        await using var broker = await ServiceBusBroker.StartAsync(new ServiceBusBrokerOptions(), Cancellation);
        var admin = new ServiceBusAdministrationClient(broker.ConnectionString);
        await admin.CreateTopicAsync(Topic, Cancellation);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => admin.CreateSubscriptionAsync(
            new CreateSubscriptionOptions(Topic, "sql"), new CreateRuleOptions("sql", new SqlRuleFilter("municipality = 'luga'")), Cancellation));
        await admin.CreateSubscriptionAsync(
            new CreateSubscriptionOptions(Topic, "all"), new CreateRuleOptions("all", new SqlRuleFilter("1=1")), Cancellation);
        await using var client = new ServiceBusClient(broker.ConnectionString);
        await using var sender = client.CreateSender(Topic);
        await sender.SendMessageAsync(new ServiceBusMessage("a"), Cancellation);

        Assert.Contains("TrueFilter, FalseFilter, CorrelationFilter and the SQL filter 1=1", refused.Message, StringComparison.Ordinal);
        Assert.Contains("municipality = 'luga'", refused.Message, StringComparison.Ordinal);
        Assert.False((await admin.SubscriptionExistsAsync(Topic, "sql", Cancellation)).Value);
        Assert.Equal(1, (await admin.GetSubscriptionRuntimePropertiesAsync(Topic, "all", Cancellation)).Value.ActiveMessageCount);
    }

    [Fact]
    public async Task MunicipalitySubscription_ReceivesOnlyItsMessages_TheCommitteeAll_AndAMessageNoFilterTakesIsDropped()
    {
        await using var broker = await ServiceBusBroker.StartAsync(new ServiceBusBrokerOptions(), Cancellation);
        var admin = new ServiceBusAdministrationClient(broker.ConnectionString);
        await admin.CreateTopicAsync(Topic, Cancellation);
        foreach (var municipality in new[] { "luga", "gatchina" })
        {
            await admin.CreateSubscriptionAsync(
                new CreateSubscriptionOptions(Topic, $"municipality-{municipality}"),
                new CreateRuleOptions("municipality", new CorrelationRuleFilter { ApplicationProperties = { ["municipality"] = municipality } }),
                Cancellation);
        }

        await admin.CreateSubscriptionAsync(
            new CreateSubscriptionOptions(Topic, "committee"),
            new CreateRuleOptions("notices", new CorrelationRuleFilter { Subject = "RiskZoneChanged" }), Cancellation);
        await admin.CreateSubscriptionAsync(new CreateSubscriptionOptions(Topic, "nothing"), new CreateRuleOptions("none", new FalseRuleFilter()), Cancellation);
        await using var client = new ServiceBusClient(broker.ConnectionString);
        await using var sender = client.CreateSender(Topic);
        await sender.SendMessageAsync(Notice("1", "luga"), Cancellation);
        await sender.SendMessageAsync(Notice("2", "gatchina"), Cancellation);
        await sender.SendMessageAsync(Notice("3", "luga"), Cancellation);
        await sender.SendMessageAsync(new ServiceBusMessage("other") { MessageId = "4", Subject = "Digest" }, Cancellation);

        Assert.Equal(["1", "3"], await ReceiveIdsAsync(client, "municipality-luga", 2));
        Assert.Equal(["2"], await ReceiveIdsAsync(client, "municipality-gatchina", 1));
        Assert.Equal(["1", "2", "3"], await ReceiveIdsAsync(client, "committee", 3));
        await foreach (var counts in admin.GetSubscriptionsRuntimePropertiesAsync(Topic, Cancellation))
        {
            Assert.Equal(0, counts.TotalMessageCount);
        }
    }

    [Fact]
    public async Task DuplicateMessageId_WithinTheWindow_IsAcceptedAndDropped_OnlyWhenTheTopicAsksForIt()
    {
        await using var broker = await ServiceBusBroker.StartAsync(new ServiceBusBrokerOptions(), Cancellation);
        var admin = new ServiceBusAdministrationClient(broker.ConnectionString);
        await admin.CreateTopicAsync(new CreateTopicOptions(Topic) { RequiresDuplicateDetection = true }, Cancellation);
        await admin.CreateTopicAsync("plain", Cancellation);
        await admin.CreateSubscriptionAsync(Topic, "committee", Cancellation);
        await admin.CreateSubscriptionAsync("plain", "committee", Cancellation);
        await using var client = new ServiceBusClient(broker.ConnectionString);
        await using var deduplicated = client.CreateSender(Topic);
        await using var plain = client.CreateSender("plain");

        foreach (var sender in new[] { deduplicated, plain })
        {
            await sender.SendMessageAsync(Notice("same", "luga"), Cancellation);
            await sender.SendMessageAsync(Notice("same", "luga"), Cancellation);
            await sender.SendMessageAsync(Notice("other", "luga"), Cancellation);
        }

        Assert.Equal(2, (await admin.GetSubscriptionRuntimePropertiesAsync(Topic, "committee", Cancellation)).Value.ActiveMessageCount);
        Assert.Equal(3, (await admin.GetSubscriptionRuntimePropertiesAsync("plain", "committee", Cancellation)).Value.ActiveMessageCount);
        Assert.Equal(["same", "other"], await ReceiveIdsAsync(client, "committee", 2));
    }

    [Fact]
    public async Task Batch_IsSplitIntoItsMessages_EachWithItsSequenceNumberAndEnqueuedTime()
    {
        await using var broker = await ServiceBusBroker.StartAsync(new ServiceBusBrokerOptions(), Cancellation);
        await TopicWithSubscriptionAsync(broker, new CreateSubscriptionOptions(Topic, "committee"));
        await using var client = new ServiceBusClient(broker.ConnectionString);
        await using var sender = client.CreateSender(Topic);

        using var batch = await sender.CreateMessageBatchAsync(Cancellation);
        foreach (var id in new[] { "b1", "b2", "b3" })
        {
            Assert.True(batch.TryAddMessage(Notice(id, "luga")));
        }

        var before = TimeProvider.System.GetUtcNow().AddSeconds(-5);
        await sender.SendMessagesAsync(batch, Cancellation);
        await using var receiver = client.CreateReceiver(Topic, "committee");
        var received = await ReceiveAsync(receiver, 3);

        Assert.Equal(["b1", "b2", "b3"], received.Select(message => message.MessageId));
        Assert.Equal(["luga", "luga", "luga"], received.Select(message => message.ApplicationProperties["municipality"]));
        Assert.Equal(3, received.Select(message => message.SequenceNumber).Distinct().Count());
        Assert.Equal(received.Select(message => message.SequenceNumber).Order(), received.Select(message => message.SequenceNumber));
        Assert.All(received, message => Assert.InRange(message.EnqueuedTime, before, TimeProvider.System.GetUtcNow().AddSeconds(5)));
    }

    [Fact]
    public async Task SendingToAMissingTopic_FailsWithMessagingEntityNotFound()
    {
        await using var broker = await ServiceBusBroker.StartAsync(new ServiceBusBrokerOptions(), Cancellation);
        await using var client = new ServiceBusClient(broker.ConnectionString);
        await using var sender = client.CreateSender("no-such-topic");

        var failure = await Assert.ThrowsAsync<ServiceBusException>(() => sender.SendMessageAsync(new ServiceBusMessage("x"), Cancellation));

        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, failure.Reason);
    }

    [Fact]
    public async Task MessageOver256KiB_IsRefusedWithMessageSizeExceeded_AndOneUnderItGoesThrough()
    {
        await using var broker = await ServiceBusBroker.StartAsync(new ServiceBusBrokerOptions(), Cancellation);
        var admin = await TopicWithSubscriptionAsync(broker, new CreateSubscriptionOptions(Topic, "committee"));
        await using var client = new ServiceBusClient(broker.ConnectionString);
        await using var sender = client.CreateSender(Topic);

        var failure = await Assert.ThrowsAsync<ServiceBusException>(() => sender.SendMessageAsync(new ServiceBusMessage(new byte[257 * 1024]), Cancellation));
        await sender.SendMessageAsync(new ServiceBusMessage(new byte[250 * 1024]), Cancellation);

        Assert.Equal(ServiceBusFailureReason.MessageSizeExceeded, failure.Reason);
        Assert.Equal(1, (await admin.GetSubscriptionRuntimePropertiesAsync(Topic, "committee", Cancellation)).Value.ActiveMessageCount);
    }

    [Fact]
    public async Task Abandon_PastTheMaxDeliveryCount_MovesTheMessageToTheDeadLetterQueueWithServiceBussReason()
    {
        await using var broker = await ServiceBusBroker.StartAsync(new ServiceBusBrokerOptions(), Cancellation);
        var admin = await TopicWithSubscriptionAsync(broker, new CreateSubscriptionOptions(Topic, "committee") { MaxDeliveryCount = 3 });
        await using var client = new ServiceBusClient(broker.ConnectionString);
        await using var sender = client.CreateSender(Topic);
        await sender.SendMessageAsync(Notice("poison", "luga"), Cancellation);
        await using var receiver = client.CreateReceiver(Topic, "committee");

        var counts = new List<int>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var message = Assert.Single(await ReceiveAsync(receiver, 1));
            counts.Add(message.DeliveryCount);
            await receiver.AbandonMessageAsync(message, new Dictionary<string, object> { ["attempt"] = attempt + 1 }, Cancellation);
        }

        await using var deadLetters = client.CreateReceiver(Topic, "committee", new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        var dead = Assert.Single(await ReceiveAsync(deadLetters, 1));
        var runtime = (await admin.GetSubscriptionRuntimePropertiesAsync(Topic, "committee", Cancellation)).Value;

        Assert.Equal([1, 2, 3], counts);
        Assert.Equal("poison", dead.MessageId);
        Assert.Equal("MaxDeliveryCountExceeded", dead.DeadLetterReason);
        Assert.Equal("Message could not be consumed after 3 delivery attempts.", dead.DeadLetterErrorDescription);
        Assert.Equal(3, dead.ApplicationProperties["attempt"]);
        Assert.Equal(0, runtime.ActiveMessageCount);
        Assert.Equal(1, runtime.DeadLetterMessageCount);
        Assert.Equal(1, runtime.TotalMessageCount);
        await deadLetters.CompleteMessageAsync(dead, Cancellation);
        Assert.Equal(0, (await admin.GetSubscriptionRuntimePropertiesAsync(Topic, "committee", Cancellation)).Value.DeadLetterMessageCount);
    }

    [Fact]
    public async Task DeadLetter_MovesTheMessageWithItsReasonAndDescription()
    {
        await using var broker = await ServiceBusBroker.StartAsync(new ServiceBusBrokerOptions(), Cancellation);
        await TopicWithSubscriptionAsync(broker, new CreateSubscriptionOptions(Topic, "committee"));
        await using var client = new ServiceBusClient(broker.ConnectionString);
        await using var sender = client.CreateSender(Topic);
        await sender.SendMessageAsync(Notice("unreadable", "luga"), Cancellation);
        await using var receiver = client.CreateReceiver(Topic, "committee");
        var message = Assert.Single(await ReceiveAsync(receiver, 1));

        await receiver.DeadLetterMessageAsync(message, "UnknownMunicipality", "No recipient for luga.", Cancellation);
        await using var deadLetters = client.CreateReceiver(Topic, "committee", new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        var dead = Assert.Single(await ReceiveAsync(deadLetters, 1));

        Assert.Equal("unreadable", dead.MessageId);
        Assert.Equal("UnknownMunicipality", dead.DeadLetterReason);
        Assert.Equal("No recipient for luga.", dead.DeadLetterErrorDescription);
        Assert.Equal("notice unreadable", dead.Body.ToString());
        Assert.Equal(message.SequenceNumber, dead.SequenceNumber);
    }

    [Fact]
    public async Task ExpiredLock_RedeliversWithDeliveryCountTwo_AndSettlingUnderTheOldLockFailsWithMessageLockLost()
    {
        await using var broker = await ServiceBusBroker.StartAsync(new ServiceBusBrokerOptions(), Cancellation);
        await TopicWithSubscriptionAsync(broker, new CreateSubscriptionOptions(Topic, "committee") { LockDuration = TimeSpan.FromSeconds(2) });
        await using var client = new ServiceBusClient(broker.ConnectionString);
        await using var sender = client.CreateSender(Topic);
        await sender.SendMessageAsync(Notice("slow", "luga"), Cancellation);
        await using var receiver = client.CreateReceiver(Topic, "committee");
        var first = Assert.Single(await ReceiveAsync(receiver, 1));

        var second = Assert.Single(await ReceiveAsync(receiver, 1));
        var lost = await Assert.ThrowsAsync<ServiceBusException>(() => receiver.CompleteMessageAsync(first, Cancellation));
        await receiver.CompleteMessageAsync(second, Cancellation);

        Assert.Equal("slow", second.MessageId);
        Assert.Equal(1, first.DeliveryCount);
        Assert.Equal(2, second.DeliveryCount);
        Assert.NotEqual(first.LockToken, second.LockToken);
        Assert.True(second.LockedUntil - first.LockedUntil >= TimeSpan.FromSeconds(1.5));
        Assert.Equal(ServiceBusFailureReason.MessageLockLost, lost.Reason);
    }

    [Fact]
    public async Task ClosedReceiver_ReleasesItsLocks_SoAnotherReceiverGetsTheMessageAtOnce()
    {
        await using var broker = await ServiceBusBroker.StartAsync(new ServiceBusBrokerOptions(), Cancellation);
        await TopicWithSubscriptionAsync(broker, new CreateSubscriptionOptions(Topic, "committee"));
        await using var client = new ServiceBusClient(broker.ConnectionString);
        await using var sender = client.CreateSender(Topic);
        await sender.SendMessageAsync(Notice("crash", "luga"), Cancellation);
        var crashed = client.CreateReceiver(Topic, "committee");
        var held = Assert.Single(await ReceiveAsync(crashed, 1));
        await crashed.DisposeAsync();

        await using var survivor = client.CreateReceiver(Topic, "committee");
        var again = Assert.Single(await ReceiveAsync(survivor, 1));

        Assert.InRange(held.LockedUntil - held.EnqueuedTime, TimeSpan.FromSeconds(55), TimeSpan.FromSeconds(65));
        Assert.Equal("crash", again.MessageId);
        Assert.Equal(2, again.DeliveryCount);
    }

    [Fact]
    public async Task ReceiveAndDelete_RemovesTheMessageAsItIsReceived()
    {
        await using var broker = await ServiceBusBroker.StartAsync(new ServiceBusBrokerOptions(), Cancellation);
        var admin = await TopicWithSubscriptionAsync(broker, new CreateSubscriptionOptions(Topic, "committee"));
        await using var client = new ServiceBusClient(broker.ConnectionString);
        await using var sender = client.CreateSender(Topic);
        await sender.SendMessageAsync(Notice("once", "luga"), Cancellation);
        await using var receiver = client.CreateReceiver(Topic, "committee", new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete });

        var message = Assert.Single(await ReceiveAsync(receiver, 1));

        Assert.Equal("once", message.MessageId);
        Assert.Equal(0, (await admin.GetSubscriptionRuntimePropertiesAsync(Topic, "committee", Cancellation)).Value.TotalMessageCount);
    }

    [Fact]
    public async Task Processor_RenewsTheLockOverAHandlerLongerThanIt_SoTheMessageIsHandledOnceAndCompleted()
    {
        await using var broker = await ServiceBusBroker.StartAsync(new ServiceBusBrokerOptions(), Cancellation);
        var admin = await TopicWithSubscriptionAsync(broker, new CreateSubscriptionOptions(Topic, "committee") { LockDuration = TimeSpan.FromSeconds(2) });
        await using var client = new ServiceBusClient(broker.ConnectionString);
        await using var sender = client.CreateSender(Topic);
        await sender.SendMessageAsync(Notice("long", "luga"), Cancellation);
        var handled = new List<(string Id, int DeliveryCount)>();
        var errors = new List<Exception>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var processor = client.CreateProcessor(Topic, "committee", new ServiceBusProcessorOptions
        {
            AutoCompleteMessages = true,
            MaxAutoLockRenewalDuration = TimeSpan.FromMinutes(1),
        });
        processor.ProcessMessageAsync += async args =>
        {
            lock (handled)
            {
                handled.Add((args.Message.MessageId, args.Message.DeliveryCount));
            }

            // The handler's work lasts until its lock was renewed past three times the lock duration from the start.
            var started = TimeProvider.System.GetUtcNow();
            while (args.Message.LockedUntil < started + TimeSpan.FromSeconds(6))
            {
                await Task.Delay(100, args.CancellationToken);
            }

            done.TrySetResult();
        };
        processor.ProcessErrorAsync += args =>
        {
            lock (errors)
            {
                errors.Add(args.Exception);
            }

            return Task.CompletedTask;
        };

        await processor.StartProcessingAsync(Cancellation);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(60), Cancellation);
        await Poll.UntilAsync(
            async () => (await admin.GetSubscriptionRuntimePropertiesAsync(Topic, "committee", Cancellation)).Value.TotalMessageCount,
            count => count == 0, "the message to be completed");
        await processor.StopProcessingAsync(Cancellation);

        Assert.Equal([("long", 1)], handled);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Peek_ShowsMessagesInSequenceOrderWithoutLockingThem_AndOtherManagementOperationsAreNotSupported()
    {
        await using var broker = await ServiceBusBroker.StartAsync(new ServiceBusBrokerOptions(), Cancellation);
        await TopicWithSubscriptionAsync(broker, new CreateSubscriptionOptions(Topic, "committee"));
        await using var client = new ServiceBusClient(broker.ConnectionString);
        await using var sender = client.CreateSender(Topic);
        foreach (var id in new[] { "p1", "p2", "p3" })
        {
            await sender.SendMessageAsync(Notice(id, "luga"), Cancellation);
        }

        await using var receiver = client.CreateReceiver(Topic, "committee");
        var peeked = await receiver.PeekMessagesAsync(10, cancellationToken: Cancellation);
        var fromSecond = await receiver.PeekMessagesAsync(10, peeked[1].SequenceNumber, Cancellation);
        var received = await ReceiveAsync(receiver, 3);
        var scheduling = await Assert.ThrowsAsync<NotSupportedException>(
            () => sender.ScheduleMessageAsync(Notice("later", "luga"), TimeProvider.System.GetUtcNow().AddHours(1), Cancellation));
        var deferring = await Assert.ThrowsAsync<NotSupportedException>(() => receiver.DeferMessageAsync(received[0], cancellationToken: Cancellation));

        Assert.Equal(["p1", "p2", "p3"], peeked.Select(message => message.MessageId));
        Assert.Equal(["p2", "p3"], fromSecond.Select(message => message.MessageId));
        Assert.Equal(["p1", "p2", "p3"], received.Select(message => message.MessageId));
        Assert.Contains("schedule-message", scheduling.Message, StringComparison.Ordinal);
        Assert.Contains("deferral", deferring.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RuntimeProperties_CountActiveLockedAndDeadLetteredMessagesPerSubscription()
    {
        await using var broker = await ServiceBusBroker.StartAsync(new ServiceBusBrokerOptions(), Cancellation);
        var admin = await TopicWithSubscriptionAsync(broker, new CreateSubscriptionOptions(Topic, "committee"));
        await LugaSubscriptionAsync(admin, new CreateSubscriptionOptions(Topic, "municipality-luga"));
        await using var client = new ServiceBusClient(broker.ConnectionString);
        await using var sender = client.CreateSender(Topic);
        foreach (var (id, municipality) in new[] { ("r1", "luga"), ("r2", "gatchina"), ("r3", "luga"), ("r4", "gatchina") })
        {
            await sender.SendMessageAsync(Notice(id, municipality), Cancellation);
        }

        await using var receiver = client.CreateReceiver(Topic, "committee");
        var locked = await ReceiveAsync(receiver, 2);
        await receiver.DeadLetterMessageAsync(locked[0], "Test", cancellationToken: Cancellation);
        var all = new Dictionary<string, (long Active, long DeadLetter, long Total)>();
        await foreach (var counts in admin.GetSubscriptionsRuntimePropertiesAsync(Topic, Cancellation))
        {
            all[counts.SubscriptionName] = (counts.ActiveMessageCount, counts.DeadLetterMessageCount, counts.TotalMessageCount);
        }

        Assert.Equal((3, 1, 4), all["committee"]);
        Assert.Equal((2, 0, 2), all["municipality-luga"]);
        Assert.Equal(2, all.Count);
    }

    [Fact]
    public async Task Restart_WhileASenderSends_LosesNoAcceptedMessage_AndTheSendersRetriesCarryOn()
    {
        var options = new ServiceBusBrokerOptions { DataDirectory = Directory.CreateTempSubdirectory("servicebus-restart-").FullName };
        var broker = await ServiceBusBroker.StartAsync(options, Cancellation);
        try
        {
            options.Port = broker.Port;
            var admin = new ServiceBusAdministrationClient(broker.ConnectionString);
            await admin.CreateTopicAsync(new CreateTopicOptions(Topic) { RequiresDuplicateDetection = true }, Cancellation);
            await admin.CreateSubscriptionAsync(Topic, "committee", Cancellation);
            await using var client = new ServiceBusClient(broker.ConnectionString, new ServiceBusClientOptions
            {
                RetryOptions = new ServiceBusRetryOptions
                {
                    Mode = ServiceBusRetryMode.Fixed,
                    Delay = TimeSpan.FromMilliseconds(200),
                    MaxRetries = 50,
                    TryTimeout = TimeSpan.FromSeconds(5),
                },
            });
            await using var sender = client.CreateSender(Topic);
            var accepted = new List<string>();
            using var enough = new CancellationTokenSource();
            async Task SendUntilEnoughAsync()
            {
                for (var index = 0; !enough.IsCancellationRequested; index++)
                {
                    await sender.SendMessageAsync(Notice($"m{index}", "luga"), Cancellation);
                    lock (accepted)
                    {
                        accepted.Add($"m{index}");
                    }
                }
            }

            int Accepted()
            {
                lock (accepted)
                {
                    return accepted.Count;
                }
            }

            var sending = Task.Run(SendUntilEnoughAsync, Cancellation);
            await Poll.UntilAsync(() => Task.FromResult(Accepted()), count => count >= 20, "20 messages accepted before the stop");

            await broker.DisposeAsync();
            var acceptedAtStop = Accepted();
            broker = await ServiceBusBroker.StartAsync(options, Cancellation);
            await Poll.UntilAsync(() => Task.FromResult(Accepted()), count => count >= acceptedAtStop + 20, "20 more messages accepted after the restart");
            await enough.CancelAsync();
            await sending.WaitAsync(TimeSpan.FromSeconds(60), Cancellation);
            await using var receiver = client.CreateReceiver(Topic, "committee");
            var received = await ReceiveAsync(receiver, accepted.Count);

            Assert.True(acceptedAtStop >= 20);

            // Every accepted message once, in whatever order: a topic without sessions promises no order, in Azure or here
            // (on a loaded machine the messages sent while the broker restarted came after later ones).
            Assert.Equal(accepted.Order(StringComparer.Ordinal), received.Select(message => message.MessageId).Order(StringComparer.Ordinal));
            Assert.Equal(accepted.Count, (await admin.GetSubscriptionRuntimePropertiesAsync(Topic, "committee", Cancellation)).Value.ActiveMessageCount);
        }
        finally
        {
            await broker.DisposeAsync();
        }
    }

    [Fact]
    public async Task Restart_KeepsEntitiesFiltersDeliveryCountsDeadLettersAndDuplicateHistory_AndFreesLocks()
    {
        var options = new ServiceBusBrokerOptions { DataDirectory = Directory.CreateTempSubdirectory("servicebus-state-").FullName };
        var before = await ServiceBusBroker.StartAsync(options, Cancellation);
        var admin = new ServiceBusAdministrationClient(before.ConnectionString);
        await admin.CreateTopicAsync(new CreateTopicOptions(Topic) { RequiresDuplicateDetection = true }, Cancellation);
        await admin.CreateSubscriptionAsync(new CreateSubscriptionOptions(Topic, "committee") { MaxDeliveryCount = 5 }, Cancellation);
        await LugaSubscriptionAsync(admin, new CreateSubscriptionOptions(Topic, "municipality-luga"));
        await using var client = new ServiceBusClient(before.ConnectionString);
        await using var sender = client.CreateSender(Topic);
        await sender.SendMessageAsync(Notice("m1", "gatchina"), Cancellation);
        await sender.SendMessageAsync(Notice("m2", "gatchina"), Cancellation);
        await sender.SendMessageAsync(Notice("m3", "luga"), Cancellation);
        await using var committee = client.CreateReceiver(Topic, "committee");
        var first = await ReceiveAsync(committee, 2);
        await committee.AbandonMessageAsync(first[0], cancellationToken: Cancellation);
        await committee.DeadLetterMessageAsync(first[1], "Unreadable", cancellationToken: Cancellation);
        await using var luga = client.CreateReceiver(Topic, "municipality-luga");
        var lastSequenceNumber = Assert.Single(await ReceiveAsync(luga, 1)).SequenceNumber;

        // The broker stops while the luga receiver holds m3's lock.
        await before.DisposeAsync();
        await using var after = await ServiceBusBroker.StartAsync(options, Cancellation);
        var afterAdmin = new ServiceBusAdministrationClient(after.ConnectionString);
        await using var afterClient = new ServiceBusClient(after.ConnectionString);
        await using var afterSender = afterClient.CreateSender(Topic);
        await afterSender.SendMessageAsync(Notice("m1", "gatchina"), Cancellation);
        await afterSender.SendMessageAsync(Notice("m4", "luga"), Cancellation);
        await using var committeeAgain = afterClient.CreateReceiver(Topic, "committee");
        var committeeMessages = await ReceiveAsync(committeeAgain, 3);
        await using var lugaAgain = afterClient.CreateReceiver(Topic, "municipality-luga");
        var lugaMessages = await ReceiveAsync(lugaAgain, 2);
        await using var deadLetters = afterClient.CreateReceiver(Topic, "committee", new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        var dead = Assert.Single(await ReceiveAsync(deadLetters, 1));

        Assert.True((await afterAdmin.GetTopicAsync(Topic, Cancellation)).Value.RequiresDuplicateDetection);
        Assert.Equal(5, (await afterAdmin.GetSubscriptionAsync(Topic, "committee", Cancellation)).Value.MaxDeliveryCount);
        Assert.Equal([("m1", 2), ("m3", 1), ("m4", 1)], committeeMessages.Select(message => (message.MessageId, message.DeliveryCount)));
        Assert.Equal([("m3", 1), ("m4", 1)], lugaMessages.Select(message => (message.MessageId, message.DeliveryCount)));
        Assert.True(lugaMessages[1].SequenceNumber > lastSequenceNumber);
        Assert.Equal(("m2", "Unreadable"), (dead.MessageId, dead.DeadLetterReason));
        Assert.Equal(3, (await afterAdmin.GetSubscriptionRuntimePropertiesAsync(Topic, "committee", Cancellation)).Value.ActiveMessageCount);
    }

    [Fact]
    public async Task Logs_EntitiesCreated_MessagesAcceptedOrDropped_AndDeadLettering()
    {
        using var logs = new LogCapture();
        using var loggers = logs.CreateFactory();
        await using var broker = await ServiceBusBroker.StartAsync(new ServiceBusBrokerOptions { LoggerFactory = loggers }, Cancellation);
        var admin = new ServiceBusAdministrationClient(broker.ConnectionString);
        await admin.CreateTopicAsync(new CreateTopicOptions(Topic) { RequiresDuplicateDetection = true }, Cancellation);
        await LugaSubscriptionAsync(admin, new CreateSubscriptionOptions(Topic, "municipality-luga"));
        await using var client = new ServiceBusClient(broker.ConnectionString);
        await using var sender = client.CreateSender(Topic);
        await sender.SendMessageAsync(Notice("kept", "luga"), Cancellation);
        await sender.SendMessageAsync(Notice("kept", "luga"), Cancellation);
        await sender.SendMessageAsync(Notice("nobody", "gatchina"), Cancellation);
        await using var receiver = client.CreateReceiver(Topic, "municipality-luga");
        await receiver.DeadLetterMessageAsync(Assert.Single(await ReceiveAsync(receiver, 1)), "NoRecipient", "Nobody reads luga.", Cancellation);

        var messages = logs.Entries.Where(entry => entry.Category.StartsWith(typeof(ServiceBusBroker).Namespace + ".", StringComparison.Ordinal)).Select(entry => entry.Message).ToList();
        Assert.Contains("Service Bus topic risk-notices created (duplicate detection within 00:01:00)", messages);
        Assert.Contains(messages, message => message.StartsWith("Service Bus subscription risk-notices/municipality-luga created: filter CorrelationFilter", StringComparison.Ordinal));
        Assert.Contains(messages, message => message.StartsWith("Service Bus message kept accepted on risk-notices as 1 for municipality-luga", StringComparison.Ordinal));
        Assert.Contains("Service Bus message kept on risk-notices dropped as a duplicate (seen within 00:01:00)", messages);
        Assert.Contains("Service Bus message nobody on risk-notices matched no subscription and was dropped", messages);
        Assert.Contains("Service Bus message 1 of risk-notices/Subscriptions/municipality-luga dead-lettered: NoRecipient (Nobody reads luga.)", messages);
    }

    [Fact]
    public async Task SessionReceiver_IsRefusedAsNotSupported()
    {
        await using var broker = await ServiceBusBroker.StartAsync(new ServiceBusBrokerOptions(), Cancellation);
        await TopicWithSubscriptionAsync(broker, new CreateSubscriptionOptions(Topic, "committee"));
        await using var client = new ServiceBusClient(broker.ConnectionString);

        await Assert.ThrowsAsync<NotSupportedException>(() => client.AcceptSessionAsync(Topic, "committee", "session-1", cancellationToken: Cancellation));
    }

    private static ServiceBusMessage Notice(string id, string municipality) =>
        new($"notice {id}") { MessageId = id, Subject = "RiskZoneChanged", ApplicationProperties = { ["municipality"] = municipality } };

    /// <summary>Creates <paramref name="subscription"/> with the correlation filter the product gives a municipality: <c>municipality = luga</c>.</summary>
    private static async Task LugaSubscriptionAsync(ServiceBusAdministrationClient admin, CreateSubscriptionOptions subscription) =>
        await admin.CreateSubscriptionAsync(
            subscription, new CreateRuleOptions("municipality", new CorrelationRuleFilter { ApplicationProperties = { ["municipality"] = "luga" } }), Cancellation);

    private static async Task<ServiceBusAdministrationClient> TopicWithSubscriptionAsync(ServiceBusBroker broker, CreateSubscriptionOptions subscription)
    {
        var admin = new ServiceBusAdministrationClient(broker.ConnectionString);
        await admin.CreateTopicAsync(Topic, Cancellation);
        await admin.CreateSubscriptionAsync(subscription, Cancellation);
        return admin;
    }

    private static async Task<List<string>> ReceiveIdsAsync(ServiceBusClient client, string subscription, int count)
    {
        await using var receiver = client.CreateReceiver(Topic, subscription);
        var messages = await ReceiveAsync(receiver, count);
        foreach (var message in messages)
        {
            await receiver.CompleteMessageAsync(message, Cancellation);
        }

        return [.. messages.Select(message => message.MessageId)];
    }

    /// <summary>Receives until <paramref name="count"/> messages came, failing after 30 s.</summary>
    private static async Task<List<ServiceBusReceivedMessage>> ReceiveAsync(ServiceBusReceiver receiver, int count)
    {
        var messages = new List<ServiceBusReceivedMessage>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (messages.Count < count)
        {
            deadline.Token.ThrowIfCancellationRequested();
            messages.AddRange(await receiver.ReceiveMessagesAsync(count - messages.Count, TimeSpan.FromSeconds(5), deadline.Token));
        }

        return messages;
    }
}
