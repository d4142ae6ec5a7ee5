using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>
/// The broker's one port, for the one connection string both clients take: it reads the first bytes of each TCP
/// connection and passes the connection on to the AMQP listener when they are the AMQP protocol header
/// (<c>"AMQP"</c>, AMQP 1.0 §2.2), otherwise to the management API's HTTP server (an HTTP request line starts with its
/// method), copying bytes both ways until either side closes; what an AMQP client sends passes the
/// <see cref="TransferGate"/>. Disposing it closes the port and every connection.
/// </summary>
internal sealed class ProtocolRouter : IAsyncDisposable
{
    private static readonly byte[] AmqpHeader = "AMQP"u8.ToArray();
    private static readonly TimeSpan FirstBytesTimeout = TimeSpan.FromSeconds(30);

    private readonly Socket _listener;
    private readonly int _amqpPort;
    private readonly int _httpPort;
    private readonly TransferGate _gate;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private Task _accepting = Task.CompletedTask;

    private ProtocolRouter(Socket listener, int amqpPort, int httpPort, TransferGate gate, ILogger<ProtocolRouter> logger)
    {
        _listener = listener;
        _amqpPort = amqpPort;
        _httpPort = httpPort;
        _gate = gate;
        _logger = logger;
        Port = ((IPEndPoint)listener.LocalEndPoint!).Port;
    }

    public int Port { get; }

    /// <summary>Listens on 127.0.0.1:<paramref name="port"/> (0: a free port).</summary>
    public static ProtocolRouter Start(int port, int amqpPort, int httpPort, TransferGate gate, ILogger<ProtocolRouter> logger)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // A restarted broker takes its port back at once, even with connections of the previous one in TIME_WAIT.
            listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
            listener.Listen(128);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        var router = new ProtocolRouter(listener, amqpPort, httpPort, gate, logger);
        router._accepting = Task.Run(router.AcceptAsync);
        return router;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Dispose();
        foreach (var socket in _open.Keys)
        {
            socket.Dispose();
        }

        await _accepting;
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stopping.IsCancellationRequested)
                {
                    return;
                }

                _logger.LogDebug(exception, "Service Bus port: accept failed");
                continue;
            }

            _ = Task.Run(() => PipeAsync(client));
        }
    }

    private async Task PipeAsync(Socket client)
    {
        using var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        _open[client] = 0;
        _open[upstream] = 0;
        try
        {
            var first = new byte[AmqpHeader.Length];
            var read = 0;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token))
            {
                timeout.CancelAfter(FirstBytesTimeout);
                while (read < first.Length)
                {
                    var count = await client.ReceiveAsync(first.AsMemory(read), SocketFlags.None, timeout.Token);
                    if (count == 0)
                    {
                        return;
                    }

                    read += count;
                }
            }

            var amqp = first.AsSpan().SequenceEqual(AmqpHeader);
            await upstream.ConnectAsync(new IPEndPoint(IPAddress.Loopback, amqp ? _amqpPort : _httpPort), _stopping.Token);
            await upstream.SendAsync(first, SocketFlags.None, _stopping.Token);
            using var clientStream = new NetworkStream(client, ownsSocket: false);
            using var upstreamStream = new NetworkStream(upstream, ownsSocket: false);
            await Task.WhenAny(
                amqp ? CopyGatedAsync(clientStream, upstreamStream) : clientStream.CopyToAsync(upstreamStream, _stopping.Token),
                upstreamStream.CopyToAsync(clientStream, _stopping.Token));
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or IOException or SocketException)
        {
            // The client, the inner server or the broker closed the connection.
        }
        finally
        {
            _open.TryRemove(client, out _);
            _open.TryRemove(upstream, out _);
            client.Dispose();
        }
    }

    /// <summary>Copies what an AMQP client sends to the listener, each chunk once no transfer is being sent.</summary>
    private async Task CopyGatedAsync(Stream from, Stream to)
    {
        var buffer = new byte[64 * 1024];
        int count;
        while ((count = await from.ReadAsync(buffer, _stopping.Token)) > 0)
        {
            await _gate.WaitForSendsAsync(_stopping.Token);
            await to.WriteAsync(buffer.AsMemory(0, count), _stopping.Token);
        }
    }
}
