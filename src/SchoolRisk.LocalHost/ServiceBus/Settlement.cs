namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>What a receiver does with a locked message: the AMQP outcome it sends, or the management node's disposition status.</summary>
internal abstract record Settlement
{
    /// <summary>Accepted: the message leaves the queue.</summary>
    public static readonly Settlement Complete = new CompleteSettlement();

    /// <summary>Released: the message goes back unchanged, the delivery not counted (it was never handed to the application).</summary>
    public static readonly Settlement Release = new ReleaseSettlement();
}

/// <inheritdoc cref="Settlement.Complete"/>
internal sealed record CompleteSettlement : Settlement;

/// <inheritdoc cref="Settlement.Release"/>
internal sealed record ReleaseSettlement : Settlement;

/// <summary>Modified with delivery-failed: the message goes back, its delivery counted, with the properties the receiver modified.</summary>
internal sealed record AbandonSettlement(IReadOnlyDictionary<string, object?> PropertiesToModify) : Settlement;

/// <summary>Rejected with <c>com.microsoft:dead-letter</c>: the message moves to the dead-letter queue with a reason.</summary>
internal sealed record DeadLetterSettlement(string? Reason, string? Description, IReadOnlyDictionary<string, object?> PropertiesToModify) : Settlement;

/// <summary>The answer to a settlement or a lock renewal.</summary>
internal enum SettleResult
{
    /// <summary>Done.</summary>
    Done,

    /// <summary>No lock with this token, or it expired: <c>com.microsoft:message-lock-lost</c>.</summary>
    LockLost,

    /// <summary>Not something this queue allows (dead-lettering a dead-lettered message): <c>amqp:not-allowed</c>.</summary>
    NotAllowed,
}
