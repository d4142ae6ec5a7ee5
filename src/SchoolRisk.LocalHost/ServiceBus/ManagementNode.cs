using Amqp;
using Amqp.Framing;
using Amqp.Types;

namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>
/// An entity's <c>$management</c> request node, the operations the client's receivers use here:
/// <c>com.microsoft:renew-lock</c> (what <c>ServiceBusProcessor</c>'s automatic lock renewal calls),
/// <c>com.microsoft:peek-message</c> (<c>PeekMessagesAsync</c>) and <c>com.microsoft:update-disposition</c> (how the
/// client settles a message whose receiving link is gone). Requests and answers are shaped as the client's
/// <c>AmqpRequestMessage</c> and <c>AmqpResponseMessage</c> read them: a map body, <c>statusCode</c>,
/// <c>statusDescription</c> and, on failure, <c>errorCondition</c> (a symbol). Any other operation (scheduling,
/// deferral, sessions, rules, batch delete) is answered 501 <c>amqp:not-implemented</c>, which the client throws as a
/// <see cref="NotSupportedException"/> (<c>AmqpExceptionHelper.ToMessagingContractException</c>).
/// </summary>
internal sealed class ManagementNode(EntityAddress entity, BrokerStore store)
{
    private static readonly Symbol LockLost = new("com.microsoft:message-lock-lost");

    public Message Answer(Message request)
    {
        var operation = request.ApplicationProperties?["operation"] as string;
        var body = (request.Body as Map) ?? [];
        return operation switch
        {
            "com.microsoft:renew-lock" => RenewLock(body),
            "com.microsoft:peek-message" => Peek(body),
            "com.microsoft:update-disposition" => UpdateDisposition(body),
            _ => Status(501, $"The local Service Bus broker answers renew-lock, peek-message and update-disposition on $management, not '{operation}'.",
                ErrorCode.NotImplemented),
        };
    }

    /// <summary>An answer with a status and no body.</summary>
    public static Message Status(int status, string description, Symbol? condition = null)
    {
        var properties = new ApplicationProperties
        {
            ["statusCode"] = status,
            ["statusDescription"] = description,
        };
        if (condition is not null)
        {
            properties["errorCondition"] = condition;
        }

        return new Message { ApplicationProperties = properties };
    }

    private Message RenewLock(Map body)
    {
        var expirations = store.RenewLocks(LockTokens(body));
        if (expirations is null)
        {
            return Status(410, "The lock on the message was lost: it expired, was settled, or its receiver closed.", LockLost);
        }

        var answer = Status(200, "OK");
        answer.BodySection = new AmqpValue
        {
            Value = new Map { ["expirations"] = expirations.Select(expiry => expiry.UtcDateTime).ToArray() },
        };
        return answer;
    }

    private Message Peek(Map body)
    {
        var from = body["from-sequence-number"] is long sequenceNumber ? sequenceNumber : 0;
        var count = body["message-count"] is int requested ? requested : 1;
        var messages = store.Peek(entity, from, count);
        if (messages is null)
        {
            return Status(404, $"The entity {entity.EntityPath} does not exist.", ErrorCode.NotFound);
        }

        if (messages.Count == 0)
        {
            return Status(204, "No messages.");
        }

        var list = new List();
        foreach (var (_, encoded) in messages)
        {
            list.Add(new Map { ["message"] = encoded });
        }

        var answer = Status(200, "OK");
        answer.BodySection = new AmqpValue { Value = new Map { ["messages"] = list } };
        return answer;
    }

    private Message UpdateDisposition(Map body)
    {
        var status = body["disposition-status"] as string;
        var modified = (body["properties-to-modify"] as Map ?? [])
            .ToDictionary(pair => pair.Key.ToString() ?? string.Empty, pair => (object?)pair.Value);
        Settlement? settlement = status switch
        {
            "completed" => Settlement.Complete,
            "abandoned" => new AbandonSettlement(modified),
            "suspended" => new DeadLetterSettlement(body["deadletter-reason"] as string, body["deadletter-description"] as string, modified),
            _ => null,
        };
        if (settlement is null)
        {
            return Status(501, $"The local Service Bus broker does not support the disposition '{status}' (deferral is not played).",
                ErrorCode.NotImplemented);
        }

        foreach (var token in LockTokens(body))
        {
            switch (store.Settle(token, settlement))
            {
                case SettleResult.LockLost:
                    return Status(410, "The lock on the message was lost: it expired, was settled, or its receiver closed.", LockLost);
                case SettleResult.NotAllowed:
                    return Status(400, "A dead-lettered message cannot be dead-lettered again.", ErrorCode.NotAllowed);
            }
        }

        return Status(200, "OK");
    }

    private static Guid[] LockTokens(Map body) => body["lock-tokens"] switch
    {
        Guid[] tokens => tokens,
        object[] values => [.. values.OfType<Guid>()],
        _ => [],
    };
}
