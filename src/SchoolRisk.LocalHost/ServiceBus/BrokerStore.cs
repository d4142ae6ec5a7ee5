using Amqp;
using Microsoft.Extensions.Logging;

namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>
/// The broker's entities and messages, and the rules Service Bus applies to them: duplicate detection, filters,
/// sequence numbers, peek-locks and their expiry, the delivery limit and the dead-letter queue. Every change is a
/// <see cref="JournalRecord"/>: written to the journal first (when there is one), then applied, the same way a replay
/// applies it at start, so what was acknowledged is what comes back. Locks are not journaled: after a restart every
/// message is available again, its failed deliveries kept. One lock guards everything; every call is short.
/// </summary>
internal sealed class BrokerStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TopicState> _topics = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<Guid, QueuedMessage> _locks = [];
    private readonly BrokerJournal? _journal;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Action _changed;
    private bool _stopped;

    /// <param name="journal">Where changes are written; <c>null</c> keeps everything in memory.</param>
    /// <param name="history">The journal's records to replay.</param>
    /// <param name="time">The clock of enqueued times, locks and duplicate detection.</param>
    /// <param name="logger">Where entities created, messages accepted or dropped and dead-lettering are logged.</param>
    /// <param name="changed">Called when a message may have become deliverable (the dispatcher's signal).</param>
    public BrokerStore(BrokerJournal? journal, IReadOnlyList<JournalRecord> history, TimeProvider time, ILogger<BrokerStore> logger, Action changed)
    {
        _journal = journal;
        _time = time;
        _logger = logger;
        _changed = changed;
        foreach (var record in history)
        {
            Apply(record);
        }
    }

    /// <summary>
    /// Stops taking changes, first thing when the broker stops: what its connections do while they are being cut
    /// (a receiver's link closing, a late settlement) is not recorded, so that locks held at the stop are simply gone
    /// and every message is available again at the next start, its failed deliveries as they were.
    /// </summary>
    public void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
        }
    }

    public EntityChange CreateTopic(TopicDescription topic)
    {
        lock (_gate)
        {
            if (_topics.ContainsKey(topic.Name))
            {
                return EntityChange.AlreadyExists;
            }

            Record(new TopicCreated(topic.Name, topic.RequiresDuplicateDetection, topic.DuplicateDetectionHistoryTimeWindow, topic.CreatedAt));
        }

        _logger.LogInformation("Service Bus topic {Topic} created (duplicate detection {DuplicateDetection})", topic.Name,
            topic.RequiresDuplicateDetection ? $"within {topic.DuplicateDetectionHistoryTimeWindow}" : "off");
        return EntityChange.Created;
    }

    public TopicDescription? GetTopic(string name)
    {
        lock (_gate)
        {
            return _topics.TryGetValue(name, out var topic) ? topic.Description : null;
        }
    }

    public int SubscriptionCount(string topic)
    {
        lock (_gate)
        {
            return _topics.TryGetValue(topic, out var state) ? state.Subscriptions.Count : 0;
        }
    }

    public EntityChange CreateSubscription(SubscriptionDescription subscription)
    {
        lock (_gate)
        {
            if (!_topics.TryGetValue(subscription.Topic, out var topic))
            {
                return EntityChange.NotFound;
            }

            if (topic.Subscriptions.ContainsKey(subscription.Name))
            {
                return EntityChange.AlreadyExists;
            }

            Record(new SubscriptionCreated(
                topic.Description.Name, subscription.Name, subscription.LockDuration, subscription.MaxDeliveryCount,
                subscription.DeadLetteringOnMessageExpiration, subscription.RuleName, subscription.FilterXml, subscription.CreatedAt));
        }

        _logger.LogInformation(
            "Service Bus subscription {Topic}/{Subscription} created: filter {Filter}, lock {LockDuration}, max delivery count {MaxDeliveryCount}",
            subscription.Topic, subscription.Name, subscription.Filter, subscription.LockDuration, subscription.MaxDeliveryCount);
        return EntityChange.Created;
    }

    public SubscriptionView? GetSubscription(string topic, string name)
    {
        lock (_gate)
        {
            return _topics.TryGetValue(topic, out var state) && state.Subscriptions.TryGetValue(name, out var subscription)
                ? subscription.View()
                : null;
        }
    }

    /// <summary>The topic's subscriptions by name, or <c>null</c> when there is no such topic.</summary>
    public IReadOnlyList<SubscriptionView>? ListSubscriptions(string topic)
    {
        lock (_gate)
        {
            return _topics.TryGetValue(topic, out var state)
                ? [.. state.Subscriptions.Values.Select(subscription => subscription.View())
                    .OrderBy(view => view.Description.Name, StringComparer.OrdinalIgnoreCase)]
                : null;
        }
    }

    public EntityChange DeleteSubscription(string topic, string name)
    {
        lock (_gate)
        {
            if (!_topics.TryGetValue(topic, out var state) || !state.Subscriptions.TryGetValue(name, out var subscription))
            {
                return EntityChange.NotFound;
            }

            Record(new SubscriptionDeleted(state.Description.Name, subscription.Description.Name));
        }

        _logger.LogInformation("Service Bus subscription {Topic}/{Subscription} deleted", topic, name);
        return EntityChange.Deleted;
    }

    /// <summary>
    /// A transfer to the topic: each message is dropped when its id was seen within the duplicate detection window,
    /// else stamped with the next sequence number and the enqueued time and copied to every subscription whose filter
    /// takes it (to none: dropped, as Service Bus does).
    /// </summary>
    public PublishResult Publish(string topicName, IReadOnlyList<Message> messages)
    {
        int copied = 0, duplicates = 0, unmatched = 0;
        lock (_gate)
        {
            if (!_topics.TryGetValue(topicName, out var topic))
            {
                return new PublishResult(false, 0, 0, 0);
            }

            var now = _time.GetUtcNow();
            foreach (var message in messages)
            {
                var messageId = MessagePayload.MessageId(message);
                if (topic.IsDuplicate(messageId, now))
                {
                    duplicates++;
                    _logger.LogInformation("Service Bus message {MessageId} on {Topic} dropped as a duplicate (seen within {Window})",
                        messageId, topic.Description.Name, topic.Description.DuplicateDetectionHistoryTimeWindow);
                    continue;
                }

                var sequenceNumber = topic.LastSequenceNumber + 1;
                var targets = topic.Subscriptions.Values
                    .Where(subscription => subscription.Description.Filter.Matches(message))
                    .Select(subscription => subscription.Description.Name)
                    .ToList();
                var payload = targets.Count == 0 ? null : MessagePayload.Stamp(message, sequenceNumber, now);
                Record(new MessageAccepted(topic.Description.Name, sequenceNumber, messageId, now, targets, payload));
                if (targets.Count == 0)
                {
                    unmatched++;
                    _logger.LogInformation("Service Bus message {MessageId} on {Topic} matched no subscription and was dropped",
                        messageId, topic.Description.Name);
                }
                else
                {
                    copied++;
                    _logger.LogInformation("Service Bus message {MessageId} accepted on {Topic} as {SequenceNumber} for {Subscriptions}",
                        messageId, topic.Description.Name, sequenceNumber, string.Join(", ", targets));
                }
            }
        }

        if (copied > 0)
        {
            _changed();
        }

        return new PublishResult(true, copied, duplicates, unmatched);
    }

    /// <summary>Whether the address names a subscription or dead-letter queue here.</summary>
    public bool HasQueue(EntityAddress address)
    {
        lock (_gate)
        {
            return QueueOf(address) is not null;
        }
    }

    /// <summary>Attaches a receiver; <c>false</c> when the queue does not exist.</summary>
    public bool AddConsumer(EntityAddress address, MessageConsumer consumer)
    {
        lock (_gate)
        {
            if (QueueOf(address) is not { } queue)
            {
                return false;
            }

            consumer.Queue = queue;
            queue.Consumers.Add(consumer);
        }

        _changed();
        return true;
    }

    /// <summary>
    /// Detaches a receiver whose link closed: the messages it holds are available again, each delivery counted as
    /// failed (as when their locks expire), and dead-lettered at the subscription's limit.
    /// </summary>
    public void RemoveConsumer(MessageConsumer consumer)
    {
        lock (_gate)
        {
            consumer.Queue?.Consumers.Remove(consumer);
            if (_stopped)
            {
                return;
            }

            foreach (var message in _locks.Values.Where(message => message.Holder == consumer).ToList())
            {
                Return(message, "its receiver's link closed", null);
            }
        }

        _changed();
    }

    /// <summary>
    /// Credit the receiver's link granted: <paramref name="delta"/> more messages, or, when it is not positive, none
    /// (the link took its credit back), as AMQPNetLite's <c>ListenerLink.OnFlow</c> counts it.
    /// </summary>
    public void AddCredit(MessageConsumer consumer, int delta, bool draining)
    {
        lock (_gate)
        {
            consumer.Credit = delta > 0 ? consumer.Credit + delta : 0;
            consumer.Draining = draining;
        }

        _changed();
    }

    /// <summary>
    /// Expires the locks whose time has come, then hands each receiver with credit the next available messages in
    /// sequence order, receivers of a queue taking turns: locked for a peek-lock receiver, removed for a
    /// receive-and-delete one.
    /// </summary>
    public DispatchRound TakeDeliveries()
    {
        var deliveries = new List<(MessageConsumer, OutgoingMessage)>();
        var drained = new List<MessageConsumer>();
        lock (_gate)
        {
            if (_stopped)
            {
                return new DispatchRound([], [], null);
            }

            var now = _time.GetUtcNow();
            foreach (var expired in _locks.Values.Where(message => message.LockedUntil <= now).ToList())
            {
                Return(expired, "its lock expired", null);
            }

            foreach (var queue in Queues().Where(queue => queue.Consumers.Count > 0))
            {
                while (queue.Available.Count > 0 && NextWithCredit(queue) is { } consumer)
                {
                    var message = queue.Messages[queue.Available.Min];
                    consumer.Credit--;
                    var lockToken = Guid.NewGuid();
                    if (consumer.PeekLock)
                    {
                        var lockedUntil = now + LockDurationOf(queue);
                        queue.Available.Remove(message.SequenceNumber);
                        message.LockToken = lockToken;
                        message.LockedUntil = lockedUntil;
                        message.Holder = consumer;
                        _locks[lockToken] = message;
                        deliveries.Add((consumer, new OutgoingMessage(message.SequenceNumber, message.Payload, message.FailedDeliveries, lockToken, lockedUntil)));
                    }
                    else
                    {
                        Record(new MessageRemoved(queue.Topic, queue.Subscription, queue.DeadLetter, message.SequenceNumber));
                        deliveries.Add((consumer, new OutgoingMessage(message.SequenceNumber, message.Payload, message.FailedDeliveries, lockToken, null)));
                    }
                }

                // A drain ends once nothing more can go: the queue is empty, or the credit is spent. AMQPNetLite
                // counts a drain that grants nothing new as taking the credit back, so the client's receive timing
                // out (it drains then) while a lock expires ends here too, instead of leaving the client waiting.
                foreach (var consumer in queue.Consumers.Where(consumer => consumer.Draining && (queue.Available.Count == 0 || consumer.Credit == 0)))
                {
                    consumer.Credit = 0;
                    consumer.Draining = false;
                    drained.Add(consumer);
                }
            }

            DateTimeOffset? next = _locks.Count == 0 ? null : _locks.Values.Min(message => message.LockedUntil);
            return new DispatchRound(deliveries, drained, next);
        }
    }

    /// <summary>A delivery the link could not send: the message is available again, the delivery not counted.</summary>
    public void Unsent(Guid lockToken)
    {
        lock (_gate)
        {
            if (_locks.Remove(lockToken, out var message))
            {
                Unlock(message);
                message.Queue.Available.Add(message.SequenceNumber);
            }
        }

        _changed();
    }

    /// <summary>Settles a locked message by its lock token.</summary>
    public SettleResult Settle(Guid lockToken, Settlement settlement)
    {
        lock (_gate)
        {
            if (!_locks.TryGetValue(lockToken, out var message) || message.LockedUntil <= _time.GetUtcNow())
            {
                return SettleResult.LockLost;
            }

            var queue = message.Queue;
            switch (settlement)
            {
                case CompleteSettlement:
                    Record(new MessageRemoved(queue.Topic, queue.Subscription, queue.DeadLetter, message.SequenceNumber));
                    break;
                case ReleaseSettlement:
                    _locks.Remove(lockToken);
                    Unlock(message);
                    queue.Available.Add(message.SequenceNumber);
                    break;
                case AbandonSettlement abandon:
                    Return(message, "it was abandoned", abandon.PropertiesToModify);
                    break;
                case DeadLetterSettlement deadLetter when queue.DeadLetter:
                    return SettleResult.NotAllowed;
                case DeadLetterSettlement deadLetter:
                    DeadLetter(message, deadLetter.Reason, deadLetter.Description, deadLetter.PropertiesToModify);
                    break;
            }
        }

        _changed();
        return SettleResult.Done;
    }

    /// <summary>Renews locks for the subscription's lock duration from now; the new ends, or <c>null</c> when one is lost.</summary>
    public IReadOnlyList<DateTimeOffset>? RenewLocks(IReadOnlyList<Guid> lockTokens)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var messages = lockTokens.Select(token => _locks.GetValueOrDefault(token)).ToList();
            if (messages.Any(message => message is null || message.LockedUntil <= now))
            {
                return null;
            }

            foreach (var message in messages)
            {
                message!.LockedUntil = now + LockDurationOf(message.Queue);
            }

            return [.. messages.Select(message => message!.LockedUntil)];
        }
    }

    /// <summary>
    /// Up to <paramref name="count"/> messages of a queue from a sequence number on, encoded as the management node
    /// returns them (no lock, delivery count as kept); <c>null</c> when the queue does not exist.
    /// </summary>
    public IReadOnlyList<(long SequenceNumber, byte[] Encoded)>? Peek(EntityAddress address, long fromSequenceNumber, int count)
    {
        lock (_gate)
        {
            return QueueOf(address) is { } queue
                ? [.. queue.Messages.Values
                    .Where(message => message.SequenceNumber >= fromSequenceNumber)
                    .Take(Math.Max(0, count))
                    .Select(message => (message.SequenceNumber,
                        MessagePayload.Encode(MessagePayload.ForDelivery(message.Payload, message.FailedDeliveries, null))))]
                : null;
        }
    }

    private MessageQueue? QueueOf(EntityAddress address) =>
        address.Subscription is not null
        && _topics.TryGetValue(address.Topic, out var topic)
        && topic.Subscriptions.TryGetValue(address.Subscription, out var subscription)
            ? (address.DeadLetter ? subscription.DeadLetter : subscription.Active)
            : null;

    private IEnumerable<MessageQueue> Queues() =>
        _topics.Values.SelectMany(topic => topic.Subscriptions.Values).SelectMany(subscription => new[] { subscription.Active, subscription.DeadLetter });

    private TimeSpan LockDurationOf(MessageQueue queue) =>
        _topics[queue.Topic].Subscriptions[queue.Subscription].Description.LockDuration;

    private static MessageConsumer? NextWithCredit(MessageQueue queue)
    {
        for (var turn = 0; turn < queue.Consumers.Count; turn++)
        {
            var index = (queue.NextConsumer + turn) % queue.Consumers.Count;
            if (queue.Consumers[index].Credit > 0)
            {
                queue.NextConsumer = (index + 1) % queue.Consumers.Count;
                return queue.Consumers[index];
            }
        }

        return null;
    }

    /// <summary>
    /// A delivery that failed: counted, and the message available again, or, when the subscription's maximum delivery
    /// count is reached, moved to the dead-letter queue with the reason Service Bus gives,
    /// <c>MaxDeliveryCountExceeded</c>. A dead-lettered message has no limit.
    /// </summary>
    private void Return(QueuedMessage message, string why, IReadOnlyDictionary<string, object?>? propertiesToModify)
    {
        var queue = message.Queue;
        var failed = message.FailedDeliveries + 1;
        var payload = propertiesToModify is { Count: > 0 } ? MessagePayload.WithProperties(message.Payload, propertiesToModify) : null;
        var maximum = _topics[queue.Topic].Subscriptions[queue.Subscription].Description.MaxDeliveryCount;
        if (!queue.DeadLetter && failed >= maximum)
        {
            if (payload is not null)
            {
                message.Payload = payload;
            }

            message.FailedDeliveries = failed;
            DeadLetter(message, "MaxDeliveryCountExceeded", $"Message could not be consumed after {maximum} delivery attempts.", null);
            return;
        }

        Record(new MessageReturned(queue.Topic, queue.Subscription, queue.DeadLetter, message.SequenceNumber, failed, payload));
        _logger.LogDebug("Service Bus message {SequenceNumber} of {Queue} is available again: {Why} (failed deliveries: {Failed})",
            message.SequenceNumber, queue.Path, why, failed);
    }

    private void DeadLetter(QueuedMessage message, string? reason, string? description, IReadOnlyDictionary<string, object?>? propertiesToModify)
    {
        var properties = new Dictionary<string, object?>(propertiesToModify ?? new Dictionary<string, object?>())
        {
            [MessagePayload.DeadLetterReason] = reason,
            [MessagePayload.DeadLetterErrorDescription] = description,
        };
        var queue = message.Queue;
        Record(new MessageDeadLettered(queue.Topic, queue.Subscription, message.SequenceNumber, reason ?? string.Empty,
            MessagePayload.WithProperties(message.Payload, properties.Where(pair => pair.Value is not null))));
        _logger.LogWarning("Service Bus message {SequenceNumber} of {Queue} dead-lettered: {DeadLetterReason} ({DeadLetterErrorDescription})",
            message.SequenceNumber, queue.Path, reason, description);
    }

    private static void Unlock(QueuedMessage message)
    {
        message.LockToken = null;
        message.Holder = null;
        message.LockedUntil = default;
    }

    private void Forget(QueuedMessage message)
    {
        if (message.LockToken is { } token)
        {
            _locks.Remove(token);
        }

        Unlock(message);
    }

    /// <summary>Writes a change to the journal, then applies it.</summary>
    private void Record(JournalRecord record)
    {
        if (_stopped)
        {
            throw new InvalidOperationException("The Service Bus broker is stopping.");
        }

        _journal?.Append(record);
        Apply(record);
    }

    /// <summary>Applies a change, live or replayed.</summary>
    private void Apply(JournalRecord record)
    {
        switch (record)
        {
            case TopicCreated created:
                _topics[created.Name] = new TopicState(new TopicDescription(
                    created.Name, created.RequiresDuplicateDetection, created.DuplicateDetectionHistoryTimeWindow, created.CreatedAt));
                break;
            case SubscriptionCreated created when _topics.TryGetValue(created.Topic, out var topic):
                topic.Subscriptions[created.Name] = new SubscriptionState(new SubscriptionDescription(
                    topic.Description.Name, created.Name, created.LockDuration, created.MaxDeliveryCount, created.DeadLetteringOnMessageExpiration,
                    created.RuleName, AtomXml.ReadFilter(created.FilterXml), created.FilterXml, created.CreatedAt));
                break;
            case SubscriptionDeleted deleted when _topics.TryGetValue(deleted.Topic, out var topic)
                && topic.Subscriptions.Remove(deleted.Name, out var subscription):
                foreach (var message in subscription.Active.Messages.Values.Concat(subscription.DeadLetter.Messages.Values))
                {
                    Forget(message);
                }

                break;
            case MessageAccepted accepted when _topics.TryGetValue(accepted.Topic, out var topic):
                topic.LastSequenceNumber = Math.Max(topic.LastSequenceNumber, accepted.SequenceNumber);
                topic.Remember(accepted.MessageId, accepted.EnqueuedAt);
                foreach (var name in accepted.Subscriptions)
                {
                    if (accepted.Payload is not null && topic.Subscriptions.TryGetValue(name, out var target))
                    {
                        target.Active.Add(new QueuedMessage(target.Active, accepted.SequenceNumber, accepted.Payload, 0));
                    }
                }

                break;
            case MessageRemoved removed when Find(removed.Topic, removed.Subscription, removed.DeadLetter, removed.SequenceNumber) is { } message:
                Forget(message);
                message.Queue.Remove(message);
                break;
            case MessageReturned returned when Find(returned.Topic, returned.Subscription, returned.DeadLetter, returned.SequenceNumber) is { } message:
                Forget(message);
                message.FailedDeliveries = returned.FailedDeliveries;
                message.Payload = returned.Payload ?? message.Payload;
                message.Queue.Available.Add(message.SequenceNumber);
                break;
            case MessageDeadLettered moved when Find(moved.Topic, moved.Subscription, false, moved.SequenceNumber) is { } message:
                Forget(message);
                message.Queue.Remove(message);
                var deadLetter = _topics[moved.Topic].Subscriptions[moved.Subscription].DeadLetter;
                message.Queue = deadLetter;
                message.Payload = moved.Payload;
                deadLetter.Add(message);
                break;
        }
    }

    private QueuedMessage? Find(string topic, string subscription, bool deadLetter, long sequenceNumber) =>
        _topics.TryGetValue(topic, out var state) && state.Subscriptions.TryGetValue(subscription, out var found)
            && (deadLetter ? found.DeadLetter : found.Active).Messages.TryGetValue(sequenceNumber, out var message)
            ? message
            : null;

    private sealed class TopicState(TopicDescription description)
    {
        private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
        private readonly Queue<(string MessageId, DateTimeOffset At)> _seenOrder = new();

        public TopicDescription Description { get; } = description;

        public long LastSequenceNumber { get; set; }

        public Dictionary<string, SubscriptionState> Subscriptions { get; } = new(StringComparer.OrdinalIgnoreCase);

        public bool IsDuplicate(string? messageId, DateTimeOffset now)
        {
            if (!Description.RequiresDuplicateDetection || messageId is null)
            {
                return false;
            }

            while (_seenOrder.TryPeek(out var oldest) && now - oldest.At >= Description.DuplicateDetectionHistoryTimeWindow)
            {
                _seenOrder.Dequeue();
                if (_seen.TryGetValue(oldest.MessageId, out var at) && at == oldest.At)
                {
                    _seen.Remove(oldest.MessageId);
                }
            }

            return _seen.ContainsKey(messageId);
        }

        public void Remember(string? messageId, DateTimeOffset at)
        {
            if (Description.RequiresDuplicateDetection && messageId is not null)
            {
                _seen[messageId] = at;
                _seenOrder.Enqueue((messageId, at));
            }
        }
    }

    private sealed class SubscriptionState(SubscriptionDescription description)
    {
        public SubscriptionDescription Description { get; } = description;

        public MessageQueue Active { get; } = new(description.Topic, description.Name, deadLetter: false);

        public MessageQueue DeadLetter { get; } = new(description.Topic, description.Name, deadLetter: true);

        public SubscriptionView View() => new(Description, Active.Messages.Count, DeadLetter.Messages.Count);
    }
}
