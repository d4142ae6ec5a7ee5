using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SchoolRisk.LocalHost.NodeTools;

/// <summary>
/// Free loopback ports for the tools this repository starts (Azurite, MailDev), and starting a tool on them again on
/// other ports when someone else bound one first.
/// </summary>
/// <remarks>
/// A port is only found free, then released, and the tool binds it a second later: anyone may take it in between.
/// Ports are therefore picked below the ephemeral range, which the operating system hands to outgoing connections
/// (hundreds a second while the tests run; one of them took a released MailDev port in CI on 2026-12-02), so only
/// another starting tool can take them; <see cref="StartAsync{T}"/> survives that by starting again elsewhere.
/// </remarks>
public static class LoopbackPorts
{
    /// <summary>How many sets of free ports a start tries before it gives up.</summary>
    public const int StartAttempts = 5;

    /// <summary>The lowest port picked: above the well-known and the common development servers' ports.</summary>
    private const int Lowest = 10_000;

    /// <summary>
    /// The first ephemeral port: Linux's <c>net.ipv4.ip_local_port_range</c>, elsewhere IANA's dynamic range (49152), which
    /// Windows and macOS use.
    /// </summary>
    private static readonly Lazy<int> FirstEphemeral = new(() =>
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        return File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            ? first
            : 49_152;
    });

    /// <summary>
    /// <paramref name="count"/> distinct loopback ports that nobody listens on now, below the ephemeral range when it
    /// leaves room (otherwise any free port the system gives).
    /// </summary>
    public static int[] Free(int count)
    {
        var ports = new List<int>(count);
        var listeners = new List<TcpListener>();
        try
        {
            for (var tries = 0; ports.Count < count && tries < 1_000 && FirstEphemeral.Value - Lowest > 1_000; tries++)
            {
                var port = Random.Shared.Next(Lowest, FirstEphemeral.Value);
                if (!ports.Contains(port) && TryListen(port) is { } listener)
                {
                    listeners.Add(listener);
                    ports.Add(port);
                }
            }

            while (ports.Count < count)
            {
                var listener = TryListen(0)!;
                listeners.Add(listener);
                ports.Add(((IPEndPoint)listener.LocalEndpoint).Port);
            }

            return [.. ports];
        }
        finally
        {
            listeners.ForEach(listener => listener.Stop());
        }
    }

    /// <summary>
    /// Starts a server on <paramref name="count"/> free ports, and again on other ports when they were taken before the
    /// tool could bind them, up to <see cref="StartAttempts"/> times.
    /// </summary>
    /// <param name="name">The tool's name, for the error.</param>
    /// <param name="count">How many ports the server needs.</param>
    /// <param name="start">
    /// Starts the server on the given ports and returns it, or <c>null</c> (having disposed it) when a port answers but
    /// not as this server; throws <see cref="PortInUseException"/> when the tool could not bind a port.
    /// </param>
    /// <exception cref="InvalidOperationException">No set of ports worked; or, from <paramref name="start"/>, the tool failed.</exception>
    public static async Task<T> StartAsync<T>(string name, int count, Func<int[], Task<T?>> start)
        where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await start(Free(count)) is { } server)
                {
                    return server;
                }
            }
            catch (PortInUseException) when (attempt < StartAttempts)
            {
                // Another server bound one of the ports first: start again on others.
            }

            if (attempt == StartAttempts)
            {
                throw new InvalidOperationException($"{name} did not start on any of {StartAttempts} sets of free ports: other servers took them first.");
            }
        }
    }

    private static TcpListener? TryListen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return listener;
        }
        catch (SocketException)
        {
            return null;
        }
    }
}
