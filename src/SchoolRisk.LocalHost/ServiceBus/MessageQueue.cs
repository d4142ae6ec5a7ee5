namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>
/// The messages of a subscription, or of its dead-letter queue, in sequence-number order, with the receivers attached
/// to it. Used under the store's lock only.
/// </summary>
internal sealed class MessageQueue(string topic, string subscription, bool deadLetter)
{
    public string Topic { get; } = topic;

    public string Subscription { get; } = subscription;

    public bool DeadLetter { get; } = deadLetter;

    public string Path => $"{Topic}/Subscriptions/{Subscription}{(DeadLetter ? "/$deadletterqueue" : string.Empty)}";

    /// <summary>Every message, locked or not, by sequence number.</summary>
    public SortedDictionary<long, QueuedMessage> Messages { get; } = [];

    /// <summary>The sequence numbers of the messages no receiver holds.</summary>
    public SortedSet<long> Available { get; } = [];

    public List<MessageConsumer> Consumers { get; } = [];

    /// <summary>Where the next round of deliveries starts among <see cref="Consumers"/>, so that receivers take turns.</summary>
    public int NextConsumer { get; set; }

    public void Add(QueuedMessage message)
    {
        Messages[message.SequenceNumber] = message;
        Available.Add(message.SequenceNumber);
    }

    public void Remove(QueuedMessage message)
    {
        Messages.Remove(message.SequenceNumber);
        Available.Remove(message.SequenceNumber);
    }
}
