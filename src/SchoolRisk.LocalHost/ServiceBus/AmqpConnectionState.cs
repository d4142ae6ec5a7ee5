using System.Runtime.CompilerServices;
using Amqp;
using Amqp.Listener;

namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>
/// What the broker knows of one AMQP connection: the audiences its CBS tokens were accepted for (until they expire),
/// and the links its request-response pairs get their answers on, by the link's target address (a request's
/// <c>reply-to</c>). Kept beside the connection, gone with it.
/// </summary>
internal sealed class AmqpConnectionState
{
    private static readonly ConditionalWeakTable<Connection, AmqpConnectionState> States = [];
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _authorized = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ListenerLink> _responseLinks = new(StringComparer.Ordinal);

    public static AmqpConnectionState Of(Link link) => States.GetValue(link.Session.Connection, _ => new AmqpConnectionState());

    /// <summary>Records an accepted token for an audience path (<c>risk-notices</c>, <c>risk-notices/Subscriptions/x/$management</c>).</summary>
    public void Authorize(string audiencePath, DateTimeOffset expiresAt)
    {
        lock (_gate)
        {
            _authorized[audiencePath] = expiresAt;
        }
    }

    /// <summary>
    /// Whether a link to <paramref name="path"/> may attach: a token accepted on this connection, not expired, for the
    /// path itself or an entity above it (a namespace-wide token, with an empty path, covers everything).
    /// </summary>
    public bool IsAuthorized(string path, DateTimeOffset now)
    {
        lock (_gate)
        {
            return _authorized.Any(pair => pair.Value > now && Covers(pair.Key, path));
        }
    }

    public void AddResponseLink(string address, ListenerLink link)
    {
        lock (_gate)
        {
            _responseLinks[address] = link;
        }
    }

    public void RemoveResponseLink(string address, ListenerLink link)
    {
        lock (_gate)
        {
            if (_responseLinks.TryGetValue(address, out var known) && known == link)
            {
                _responseLinks.Remove(address);
            }
        }
    }

    public ListenerLink? ResponseLink(string? address)
    {
        lock (_gate)
        {
            return address is not null && _responseLinks.TryGetValue(address, out var link) ? link : null;
        }
    }

    private static bool Covers(string audience, string path) =>
        audience.Length == 0
        || path.Equals(audience, StringComparison.OrdinalIgnoreCase)
        || path.StartsWith(audience + "/", StringComparison.OrdinalIgnoreCase);
}
