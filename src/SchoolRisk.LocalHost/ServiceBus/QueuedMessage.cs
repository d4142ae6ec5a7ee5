namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>
/// One message in a subscription or its dead-letter queue, and its lock while a peek-lock receiver holds it. Every
/// member is read and written under the store's lock only.
/// </summary>
internal sealed class QueuedMessage(MessageQueue queue, long sequenceNumber, byte[] payload, int failedDeliveries)
{
    public MessageQueue Queue { get; set; } = queue;

    public long SequenceNumber { get; } = sequenceNumber;

    /// <summary>The stamped encoding (<see cref="MessagePayload"/>).</summary>
    public byte[] Payload { get; set; } = payload;

    /// <summary>Deliveries that ended without a settlement (abandoned, lock expired, receiver gone).</summary>
    public int FailedDeliveries { get; set; } = failedDeliveries;

    /// <summary>The lock token (the delivery tag) while the message is locked.</summary>
    public Guid? LockToken { get; set; }

    public DateTimeOffset LockedUntil { get; set; }

    /// <summary>The receiver that holds the lock; its link closing releases it.</summary>
    public MessageConsumer? Holder { get; set; }
}
