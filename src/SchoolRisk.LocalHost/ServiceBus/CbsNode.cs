using Amqp;
using Amqp.Framing;
using Microsoft.Extensions.Logging;

namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>
/// The <c>$cbs</c> node: the client puts a token (<c>operation</c> <c>put-token</c>, <c>type</c>
/// <c>servicebus.windows.net:sastoken</c>, <c>name</c> the audience, the token as the body) before attaching a link to
/// an entity. A valid shared access signature (<see cref="SharedAccessSignatureCheck"/>) is answered
/// <c>status-code</c> 202 and authorizes the audience on this connection; anything else is 401, which the client turns
/// into an <see cref="UnauthorizedAccessException"/> (<c>AmqpCbsLink.ConvertToException</c> in Microsoft.Azure.Amqp).
/// </summary>
internal sealed class CbsNode(ServiceBusBrokerOptions options, ILogger<CbsNode> logger)
{
    public const string Address = "$cbs";
    private const string SasTokenType = "servicebus.windows.net:sastoken";

    public Message Answer(AmqpConnectionState connection, Message request)
    {
        var properties = request.ApplicationProperties;
        var operation = properties?["operation"] as string;
        var type = properties?["type"] as string;
        var audience = properties?["name"] as string;
        if (operation != "put-token")
        {
            return Reply(400, $"The $cbs node answers put-token only, not '{operation}'.");
        }

        if (type != SasTokenType)
        {
            return Reply(401, $"The local broker accepts shared access signatures ({SasTokenType}) only, not '{type}'.");
        }

        var verdict = SharedAccessSignatureCheck.Check(
            request.Body as string, options.SharedAccessKeyName, options.SharedAccessKey, options.TimeProvider.GetUtcNow());
        if (!verdict.Valid)
        {
            logger.LogWarning("Service Bus token for {Audience} refused: {Reason}", audience, verdict.Reason);
            return Reply(401, verdict.Reason);
        }

        connection.Authorize(EntityAddress.PathOf(audience), verdict.ExpiresAt!.Value);
        return Reply(202, "Accepted");
    }

    private static Message Reply(int status, string description) => new()
    {
        ApplicationProperties = new ApplicationProperties
        {
            ["status-code"] = status,
            ["status-description"] = description,
        },
    };
}
