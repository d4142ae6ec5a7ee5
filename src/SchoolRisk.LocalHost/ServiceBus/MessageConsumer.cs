namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>
/// A receiver attached to a subscription or its dead-letter queue: its receive mode and the credit its link granted.
/// <see cref="Credit"/> and <see cref="Draining"/> are read and written under the store's lock; the two callbacks
/// are called by the dispatcher outside it.
/// </summary>
/// <param name="name">The link's name, for the logs.</param>
/// <param name="peekLock">Peek-lock (settled by the receiver) or receive-and-delete (settled when sent).</param>
/// <param name="send">Puts one message on the link; throws when the link is gone.</param>
/// <param name="completeDrain">Tells the link that a drain found nothing more to send.</param>
internal sealed class MessageConsumer(string name, bool peekLock, Action<OutgoingMessage> send, Action completeDrain)
{
    public string Name { get; } = name;

    public bool PeekLock { get; } = peekLock;

    public int Credit { get; set; }

    public bool Draining { get; set; }

    public MessageQueue? Queue { get; set; }

    public void Send(OutgoingMessage message) => send(message);

    public void CompleteDrain() => completeDrain();
}

/// <summary>One delivery the dispatcher makes: the kept encoding, the earlier failed deliveries, and the lock, if any.</summary>
internal sealed record OutgoingMessage(long SequenceNumber, byte[] Payload, int FailedDeliveries, Guid LockToken, DateTimeOffset? LockedUntil);
