namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>
/// What an AMQP link address names: a topic (<c>/{topic}</c>, where senders attach), a subscription
/// (<c>/{topic}/Subscriptions/{name}</c>) or its dead-letter queue (<c>…/$deadletterqueue</c>), where receivers attach,
/// and, with a trailing <c>/$management</c>, that entity's request node. The client sends the path with a leading
/// slash (<c>Uri.AbsolutePath</c> in <c>AmqpConnectionScope</c>) and the management node without it; the fixed
/// segments are matched ignoring case, as Service Bus does (<c>EntityNameFormatter</c> writes <c>$DeadLetterQueue</c>).
/// </summary>
/// <param name="Topic">The topic's name as written in the address.</param>
/// <param name="Subscription">The subscription's name, or <c>null</c> for the topic itself.</param>
/// <param name="DeadLetter">Whether the address is the subscription's dead-letter queue.</param>
/// <param name="Management">Whether the address is the entity's <c>$management</c> request node.</param>
internal sealed record EntityAddress(string Topic, string? Subscription, bool DeadLetter, bool Management)
{
    /// <summary>The entity path without the management suffix, as the logs and errors name it.</summary>
    public string EntityPath =>
        Subscription is null ? Topic : $"{Topic}/Subscriptions/{Subscription}{(DeadLetter ? "/$deadletterqueue" : string.Empty)}";

    /// <summary>
    /// Reads a link address (or a CBS audience such as <c>amqp://127.0.0.1/risk-notices</c>: scheme and host are
    /// dropped); <c>null</c> when it names nothing this broker has: an empty path, or segments in another shape.
    /// </summary>
    public static EntityAddress? Parse(string? address)
    {
        var path = PathOf(address);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var management = segments.Length > 0 && segments[^1].Equals("$management", StringComparison.OrdinalIgnoreCase);
        if (management)
        {
            segments = segments[..^1];
        }

        return segments switch
        {
            [var topic] when IsName(topic) => new EntityAddress(topic, null, false, management),
            [var topic, var kind, var name] when IsName(topic) && IsSubscriptions(kind) && IsName(name) =>
                new EntityAddress(topic, name, false, management),
            [var topic, var kind, var name, var dlq] when IsName(topic) && IsSubscriptions(kind) && IsName(name)
                && dlq.Equals("$deadletterqueue", StringComparison.OrdinalIgnoreCase) => new EntityAddress(topic, name, true, management),
            _ => null,
        };
    }

    /// <summary>The path part of an address or audience, without scheme, host, query and surrounding slashes.</summary>
    public static string PathOf(string? address)
    {
        var text = address ?? string.Empty;
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var slash = text.IndexOf('/', scheme + 3);
            text = slash < 0 ? string.Empty : text[slash..];
        }

        var query = text.IndexOfAny(['?', '#']);
        return (query < 0 ? text : text[..query]).Trim('/');
    }

    private static bool IsSubscriptions(string segment) => segment.Equals("Subscriptions", StringComparison.OrdinalIgnoreCase);

    private static bool IsName(string segment) => !segment.StartsWith('$');
}
