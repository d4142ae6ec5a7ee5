using Amqp;
using Amqp.Sasl;
using Amqp.Types;

namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>
/// The SASL mechanism the Service Bus client asks for, <c>MSSBCBS</c> ("claims-based security": the connection opens
/// without credentials, each link is authorized afterwards by a token put on <c>$cbs</c>). Without it the client
/// fails with "None of the server sasl-mechanisms ([ANONYMOUS]) are supported by the client (MSSBCBS)".
/// </summary>
internal sealed class CbsSaslProfile() : SaslProfile(Name)
{
    public static readonly Symbol Name = new("MSSBCBS");

    protected override ITransport UpgradeTransport(ITransport transport) => transport;

    protected override DescribedList GetStartCommand(string hostname) =>
        throw new AmqpException(ErrorCode.NotAllowed, "The broker never starts a SASL exchange.");

    protected override DescribedList OnCommand(DescribedList command) => command is SaslInit
        ? new SaslOutcome { Code = SaslCode.Ok }
        : throw new AmqpException(ErrorCode.NotAllowed, $"Unexpected SASL frame {command.Descriptor.Name}.");
}
