namespace SchoolRisk.Application.Notices;

/// <summary>
/// A delivery failed. The message is the reason in Russian, as <c>schoolrisk notices list</c> shows it: what happened
/// and what to fix.
/// </summary>
public sealed class DeliveryFailedException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>
    /// Trying again cannot help until a person fixes something (an address, the recipients directory, the relay's
    /// certificate or credentials): the delivery is recorded failed and not retried. Otherwise transient: retried.
    /// </summary>
    public bool Permanent { get; } = permanent;
}
