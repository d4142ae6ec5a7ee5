using Amqp;
using Amqp.Framing;
using Amqp.Listener;
using Amqp.Types;

namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>
/// A receiver's link to a subscription or its dead-letter queue. The credit the link grants goes to the store, whose
/// dispatcher sends messages through <see cref="Send"/>; the receiver's dispositions settle them:
/// <c>Accepted</c> completes, <c>Modified</c> abandons (deferral, <c>undeliverable-here</c>, is not played),
/// <c>Rejected</c> with <c>com.microsoft:dead-letter</c> dead-letters with the reason and description of its error
/// info (the rest of the info are properties to modify, as <c>AmqpReceiver.GetRejectedOutcome</c> writes them),
/// <c>Released</c> returns the message uncounted. The answer is the outcome itself (a <c>Rejected</c> without its
/// error: <c>AmqpReceiver.DisposeMessageAsync</c> throws on any error in the answer), or <c>Rejected</c> with
/// <c>com.microsoft:message-lock-lost</c> when the lock is gone (the client throws <c>MessageLockLost</c>).
/// A disposition the receiver settled itself is applied without an answer. Closing the link releases the messages it holds.
/// </summary>
internal sealed class QueueSourceEndpoint : LinkEndpoint
{
    private static readonly Symbol LockLost = new("com.microsoft:message-lock-lost");
    private static readonly Symbol ReasonKey = new(MessagePayload.DeadLetterReason);
    private static readonly Symbol DescriptionKey = new(MessagePayload.DeadLetterErrorDescription);
    private readonly ListenerLink _link;
    private readonly BrokerStore _store;
    private readonly DeliveryTags _tags;

    public QueueSourceEndpoint(ListenerLink link, bool peekLock, BrokerStore store, DeliveryTags tags)
    {
        _link = link;
        _store = store;
        _tags = tags;
        Consumer = new MessageConsumer(link.Name, peekLock, Send, link.CompleteDrain);
    }

    public MessageConsumer Consumer { get; }

    public override void OnFlow(FlowContext flowContext) => _store.AddCredit(Consumer, flowContext.Messages, _link.IsDraining);

    public override void OnDisposition(DispositionContext dispositionContext)
    {
        if (dispositionContext.Message.DeliveryTag is not { Length: 16 } tag)
        {
            return;
        }

        var state = dispositionContext.DeliveryState;
        if (state is Released && _link.LinkState >= LinkState.DetachPipe)
        {
            // AMQPNetLite releases a closing link's unsettled deliveries; OnLinkClosed returns them, counted.
            return;
        }

        Settlement? settlement = state switch
        {
            Accepted => Settlement.Complete,
            Released => Settlement.Release,
            Modified { UndeliverableHere: true } => null,
            Modified modified => new AbandonSettlement(Properties(modified.MessageAnnotations, [])),
            Rejected rejected => new DeadLetterSettlement(
                rejected.Error?.Info?[ReasonKey] as string,
                rejected.Error?.Info?[DescriptionKey] as string,
                Properties(rejected.Error?.Info, [ReasonKey, DescriptionKey])),
            _ => null,
        };
        if (settlement is null && !dispositionContext.Settled)
        {
            _link.DisposeMessage(dispositionContext.Message, new Rejected
            {
                Error = new Error(ErrorCode.NotImplemented) { Description = "The local Service Bus broker does not play deferral." },
            }, true);
            return;
        }

        if (settlement is null)
        {
            return;
        }

        SettleResult result;
        try
        {
            result = _store.Settle(new Guid(tag), settlement);
        }
        catch (InvalidOperationException)
        {
            // The broker is stopping: no answer; the lock is gone with it.
            return;
        }

        // A receiver that settles at once (the client releases, settled, a message that came when nothing waited
        // for it) wants no answer; one that waits for the outcome gets it.
        if (dispositionContext.Settled)
        {
            return;
        }

        DeliveryState answer = result switch
        {
            // Done: the outcome itself, but a Rejected without its error: the client throws on any error it finds there.
            SettleResult.Done => state is Rejected ? new Rejected() : state!,
            SettleResult.LockLost => new Rejected
            {
                Error = new Error(LockLost) { Description = "The lock on the message was lost: it expired, or its receiver closed." },
            },
            _ => new Rejected { Error = new Error(ErrorCode.NotAllowed) { Description = "A dead-lettered message cannot be dead-lettered again." } },
        };
        _link.DisposeMessage(dispositionContext.Message, answer, true);
    }

    public override void OnLinkClosed(ListenerLink link, Error error) => _store.RemoveConsumer(Consumer);

    private void Send(OutgoingMessage outgoing)
    {
        var message = MessagePayload.ForDelivery(outgoing.Payload, outgoing.FailedDeliveries, outgoing.LockedUntil);
        _tags.Assign(message, outgoing.LockToken);
        _link.SendMessage(message);
    }

    private static Dictionary<string, object?> Properties(Map? fields, Symbol[] except) =>
        (fields ?? [])
            .Where(pair => !except.Any(key => key.Equals(pair.Key)))
            .ToDictionary(pair => pair.Key.ToString() ?? string.Empty, pair => (object?)pair.Value);
}
