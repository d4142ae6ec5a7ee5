namespace SchoolRisk.Storage.ServiceBus;

/// <summary>
/// Publishing to the notices topic failed. <see cref="Exception.Message"/> is the reason in Russian, for whoever
/// fixes it (the committee's administrator); <see cref="Transient"/> says whether trying again later can help
/// (Service Bus busy or unreachable) or not (no rights, no such topic).
/// </summary>
public sealed class NoticeTopicException(string message, bool transient, Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>Whether trying again later can help.</summary>
    public bool Transient { get; } = transient;
}
