using Amqp;
using Amqp.Framing;
using Amqp.Types;

namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>
/// The AMQP encoding of the messages the broker keeps: each is kept as its encoded bytes, stamped once when the topic
/// accepts it, and decoded again for each delivery to carry that delivery's count and lock. The annotation names are
/// the ones the client reads (<c>AmqpMessageConstants</c> in Azure.Messaging.ServiceBus).
/// </summary>
internal static class MessagePayload
{
    /// <summary>The message format of a batch (<c>AmqpConstants.AmqpBatchedMessageFormat</c>): one encoded message per data section.</summary>
    public const uint BatchFormat = 0x80013700;

    public static readonly Symbol SequenceNumber = new("x-opt-sequence-number");
    public static readonly Symbol EnqueuedTime = new("x-opt-enqueued-time");
    public static readonly Symbol LockedUntil = new("x-opt-locked-until");

    /// <summary>The application properties Service Bus sets on a dead-lettered message, which the client reads back.</summary>
    public const string DeadLetterReason = "DeadLetterReason";

    /// <inheritdoc cref="DeadLetterReason"/>
    public const string DeadLetterErrorDescription = "DeadLetterErrorDescription";

    /// <summary>The messages a transfer carries: the messages of a batch, or the message itself.</summary>
    public static IReadOnlyList<Message> Unbatch(Message transfer)
    {
        if (transfer.Format != BatchFormat)
        {
            return [transfer];
        }

        return transfer.BodySection switch
        {
            DataList list => [.. Enumerable.Range(0, list.Count).Select(index => Decode(list[index].Binary))],
            Data data => [Decode(data.Binary)],
            _ => [],
        };
    }

    /// <summary>The message as the topic accepted it: its sequence number and enqueued time stamped, encoded.</summary>
    public static byte[] Stamp(Message message, long sequenceNumber, DateTimeOffset enqueuedAt)
    {
        message.MessageAnnotations ??= new MessageAnnotations();
        message.MessageAnnotations[SequenceNumber] = sequenceNumber;
        message.MessageAnnotations[EnqueuedTime] = enqueuedAt.UtcDateTime;
        return Encode(message);
    }

    /// <summary>
    /// A kept message ready to go out: the header's <c>delivery-count</c> is the number of earlier failed deliveries
    /// (the client adds one), and a locked message carries its lock's end.
    /// </summary>
    public static Message ForDelivery(byte[] payload, int failedDeliveries, DateTimeOffset? lockedUntil)
    {
        var message = Decode(payload);
        message.Header ??= new Header();
        message.Header.DeliveryCount = (uint)failedDeliveries;
        if (lockedUntil is { } until)
        {
            message.MessageAnnotations ??= new MessageAnnotations();
            message.MessageAnnotations[LockedUntil] = until.UtcDateTime;
        }

        return message;
    }

    /// <summary>The kept message with application properties set (a dead-letter reason, or properties an abandon modifies).</summary>
    public static byte[] WithProperties(byte[] payload, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        var message = Decode(payload);
        message.ApplicationProperties ??= new ApplicationProperties();
        foreach (var (key, value) in properties)
        {
            message.ApplicationProperties[key] = value;
        }

        return Encode(message);
    }

    /// <summary>The message id as text (the client sends a string), or <c>null</c>.</summary>
    public static string? MessageId(Message message) => message.Properties?.GetMessageId()?.ToString();

    public static byte[] Encode(Message message)
    {
        var buffer = message.Encode();
        return buffer.Buffer.AsSpan(buffer.Offset, buffer.Length).ToArray();
    }

    public static Message Decode(byte[] bytes) => Message.Decode(new ByteBuffer(bytes, 0, bytes.Length, bytes.Length));
}
