namespace SchoolRisk.Functions.Notify;

/// <summary>A delivery failed: <see cref="Permanent"/> when trying again cannot help (an address refused, a 4xx answer), otherwise transient.</summary>
public sealed class DeliveryFailedException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
