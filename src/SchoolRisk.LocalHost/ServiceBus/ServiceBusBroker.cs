using System.Net;
using System.Net.Sockets;
using Amqp;
using Amqp.Listener;
using Microsoft.Extensions.Logging;

namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>
/// A local stand-in for Azure Service Bus that plays the part the product and its consumers use, and no more: topics
/// with duplicate detection, subscriptions with a true, false or correlation filter, sending (messages and batches),
/// peek-lock and receive-and-delete receiving, complete, abandon, dead-letter, lock renewal and expiry, the
/// dead-letter queue, peeking, the management API's topic and subscription calls with message counts, shared access
/// signatures, and, with <see cref="ServiceBusBrokerOptions.DataDirectory"/>, everything acknowledged kept across a
/// restart. It is driven with the real client, Azure.Messaging.ServiceBus, through <see cref="ConnectionString"/>:
/// AMQP 1.0 (AMQPNetLite's <see cref="ContainerHost"/>) and the management API's HTTP on one loopback port
/// (<see cref="ProtocolRouter"/>). Disposing it stops it.
/// </summary>
public sealed class ServiceBusBroker : IAsyncDisposable
{
    private readonly ProtocolRouter _router;
    private readonly ContainerHost _host;
    private readonly ManagementApi _management;
    private readonly BrokerDispatcher _dispatcher;
    private readonly BrokerStore _store;
    private readonly BrokerJournal? _journal;
    private readonly TransferGate _gate;

    private ServiceBusBroker(
        ServiceBusBrokerOptions options, ProtocolRouter router, ContainerHost host, ManagementApi management, BrokerDispatcher dispatcher,
        BrokerStore store, BrokerJournal? journal, TransferGate gate)
    {
        _gate = gate;
        _store = store;
        _router = router;
        _host = host;
        _management = management;
        _dispatcher = dispatcher;
        _journal = journal;
        Port = router.Port;
        ConnectionString =
            $"Endpoint=sb://127.0.0.1:{Port};SharedAccessKeyName={options.SharedAccessKeyName};SharedAccessKey={options.SharedAccessKey};UseDevelopmentEmulator=true";
    }

    /// <summary>The loopback port both the AMQP clients and the administration client connect to.</summary>
    public int Port { get; }

    /// <summary>
    /// The connection string for <c>ServiceBusClient</c> and <c>ServiceBusAdministrationClient</c> alike:
    /// <c>Endpoint=sb://127.0.0.1:{port};SharedAccessKeyName=…;SharedAccessKey=…;UseDevelopmentEmulator=true</c>
    /// (the development-emulator flag makes both use plain TCP and HTTP on that port, without TLS).
    /// </summary>
    public string ConnectionString { get; }

    /// <summary>
    /// Starts the broker on <see cref="ServiceBusBrokerOptions.Port"/> (or a free port), after reading back its data
    /// directory's journal, if any.
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="InvalidDataException">The journal has a line that is not a record.</exception>
    /// <exception cref="SocketException">The port is taken.</exception>
    public static async Task<ServiceBusBroker> StartAsync(ServiceBusBrokerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var loggers = options.LoggerFactory;
        var logger = loggers.CreateLogger<ServiceBusBroker>();
        IReadOnlyList<JournalRecord> history = [];
        var journal = options.DataDirectory is null ? null : BrokerJournal.Open(options.DataDirectory, out history);
        var gate = new TransferGate();
        var dispatcher = new BrokerDispatcher(options.TimeProvider, gate, loggers.CreateLogger<BrokerDispatcher>());
        ContainerHost? host = null;
        ManagementApi? management = null;
        try
        {
            var store = new BrokerStore(journal, history, options.TimeProvider, loggers.CreateLogger<BrokerStore>(), dispatcher.Signal);
            dispatcher.Start(store);

            management = new ManagementApi(store, options, loggers.CreateLogger<ManagementApi>());
            await management.StartAsync(cancellationToken);

            var tags = new DeliveryTags();
            var amqpPort = FreeLoopbackPort();
            host = new ContainerHost(new Address($"amqp://127.0.0.1:{amqpPort}"));
            var listener = host.Listeners[0];
            listener.SASL.EnableMechanism(CbsSaslProfile.Name, new CbsSaslProfile());
            listener.HandlerFactory = _ => tags;
            host.RegisterLinkProcessor(new AmqpLinkRouter(store, new CbsNode(options, loggers.CreateLogger<CbsNode>()), tags, options, loggers));
            host.Open();

            var router = ProtocolRouter.Start(options.Port ?? 0, amqpPort, management.Port, gate, loggers.CreateLogger<ProtocolRouter>());
            var broker = new ServiceBusBroker(options, router, host, management, dispatcher, store, journal, gate);
            logger.LogInformation("Service Bus broker listening on 127.0.0.1:{Port} ({Data})", broker.Port,
                options.DataDirectory is null ? "in memory" : $"data in {options.DataDirectory}, {history.Count} journal records read");
            return broker;
        }
        catch
        {
            host?.Close();
            if (management is not null)
            {
                await management.DisposeAsync();
            }

            await dispatcher.DisposeAsync();
            journal?.Dispose();
            gate.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Stops the broker: it takes no more changes, the port closes, every connection is cut, the journal is closed.
    /// Locks held at that moment are not kept: after a restart those messages are available again.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        _store.Stop();
        await _router.DisposeAsync();
        _host.Close();
        await _management.DisposeAsync();
        await _dispatcher.DisposeAsync();
        _journal?.Dispose();
        _gate.Dispose();
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
