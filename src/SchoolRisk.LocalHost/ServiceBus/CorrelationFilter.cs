using System.Globalization;
using Amqp;

namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>
/// A correlation filter: a message matches when every system field the filter sets equals the message's
/// (ordinal, case-sensitive), and every application property it lists is on the message with an equal value
/// (numbers compare by value across int, long and double; other values by type and value). A filter that sets
/// nothing matches every message. The fields are those of <c>CorrelationRuleFilter</c>: <c>Subject</c> is the
/// AMQP <c>subject</c> (<c>Label</c> in the ATOM XML), <c>SessionId</c> the AMQP <c>group-id</c>.
/// </summary>
internal sealed record CorrelationFilter(
    string? CorrelationId,
    string? MessageId,
    string? To,
    string? ReplyTo,
    string? Subject,
    string? SessionId,
    string? ReplyToSessionId,
    string? ContentType,
    IReadOnlyDictionary<string, object> Properties) : SubscriptionFilter
{
    public override bool Matches(Message message)
    {
        var properties = message.Properties;
        return Same(CorrelationId, Text(properties?.GetCorrelationId()))
            && Same(MessageId, Text(properties?.GetMessageId()))
            && Same(To, properties?.To)
            && Same(ReplyTo, properties?.ReplyTo)
            && Same(Subject, properties?.Subject)
            && Same(SessionId, properties?.GroupId)
            && Same(ReplyToSessionId, properties?.ReplyToGroupId)
            && Same(ContentType, properties?.ContentType?.ToString())
            && Properties.All(pair => message.ApplicationProperties?.Map.ContainsKey(pair.Key) == true
                && ValueEquals(pair.Value, message.ApplicationProperties.Map[pair.Key]));
    }

    /// <summary>Equality of a filter's property value (as the ATOM XML types it) and a message's (as AMQP types it).</summary>
    public static bool ValueEquals(object expected, object? actual) => (expected, actual) switch
    {
        (_, null) => false,
        (string text, _) => actual is string other && string.Equals(text, other, StringComparison.Ordinal),
        (int or long or double, int or long or double or uint or ulong or short or ushort or byte or sbyte or float) =>
            Convert.ToDouble(expected, CultureInfo.InvariantCulture) == Convert.ToDouble(actual, CultureInfo.InvariantCulture),
        (DateTime time, DateTime other) => time.ToUniversalTime() == other.ToUniversalTime(),
        _ => expected.Equals(actual),
    };

    private static bool Same(string? expected, string? actual) =>
        string.IsNullOrEmpty(expected) || string.Equals(expected, actual, StringComparison.Ordinal);

    private static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
