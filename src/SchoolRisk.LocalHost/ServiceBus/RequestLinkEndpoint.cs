using Amqp;
using Amqp.Framing;
using Amqp.Listener;
using Microsoft.Extensions.Logging;

namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>
/// The sending half of a request-response pair (<c>$cbs</c>, <c>{entity}/$management</c>), as Microsoft.Azure.Amqp's
/// <c>RequestResponseAmqpLink</c> opens it: each request is answered on the connection's link whose target address is
/// the request's <c>reply-to</c>, with the request's message id as the answer's correlation id.
/// </summary>
internal sealed class RequestLinkEndpoint(AmqpConnectionState connection, Func<Message, Message> answer, ILogger<RequestLinkEndpoint> logger) : LinkEndpoint
{
    public override void OnMessage(MessageContext messageContext)
    {
        var request = messageContext.Message;
        var responseLink = connection.ResponseLink(request.Properties?.ReplyTo);
        if (responseLink is null)
        {
            messageContext.Complete(new Error(ErrorCode.NotFound)
            {
                Description = "No link is attached at the request's reply-to address.",
            });
            return;
        }

        Message response;
        try
        {
            response = answer(request);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogError(exception, "Service Bus request {Operation} failed", request.ApplicationProperties?["operation"]);
            response = ManagementNode.Status(500, "The local broker failed on this request: " + exception.Message, ErrorCode.InternalError);
        }

        response.Properties ??= new Properties();
        response.Properties.SetCorrelationId(request.Properties?.GetMessageId());
        messageContext.Complete();
        responseLink.SendMessage(response);
    }

    public override void OnFlow(FlowContext flowContext)
    {
    }

    public override void OnDisposition(DispositionContext dispositionContext)
    {
    }
}

/// <summary>The receiving half of a request-response pair: answers go out on it; it is known by its target address.</summary>
internal sealed class ResponseLinkEndpoint(AmqpConnectionState connection, string address) : LinkEndpoint
{
    public override void OnFlow(FlowContext flowContext)
    {
    }

    public override void OnDisposition(DispositionContext dispositionContext)
    {
    }

    public override void OnLinkClosed(ListenerLink link, Error error) => connection.RemoveResponseLink(address, link);
}
