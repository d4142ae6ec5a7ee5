namespace SchoolRisk.Storage.ServiceBus;

/// <summary>
/// The gist of a Service Bus client's exception for a person: its message's first line, without the client's stack of
/// the AMQP library and its troubleshooting link (a communication failure's message carries both).
/// </summary>
internal static class ServiceBusErrorText
{
    private static readonly string[] Tails = [" ErrorCode:", " For troubleshooting information", " (ServiceCommunicationProblem)"];

    /// <summary>The first line of <paramref name="exception"/>'s message, cut before the client's appendices.</summary>
    public static string Brief(Exception exception)
    {
        var text = exception.Message.AsSpan();
        var end = text.IndexOfAny('\r', '\n');
        var line = (end < 0 ? text : text[..end]).ToString();
        foreach (var tail in Tails)
        {
            var at = line.IndexOf(tail, StringComparison.Ordinal);
            if (at > 0)
            {
                line = line[..at];
            }
        }

        return line.Trim();
    }
}
