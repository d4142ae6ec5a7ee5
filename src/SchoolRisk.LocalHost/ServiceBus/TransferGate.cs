namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>
/// Keeps a client's frames from reaching AMQPNetLite while the dispatcher is putting transfers on a link. AMQPNetLite
/// 2.5.5 counts a transfer in the session's <c>next-outgoing-id</c> only after writing it (<c>Session.WriteDelivery</c>),
/// and works out how many more it may send from each incoming flow as <c>next-incoming-id + incoming-window -
/// next-outgoing-id</c> in unsigned arithmetic (<c>Session.OnFlow</c>). The Service Bus client announces an incoming
/// window of 2³²−1 and answers a transfer at once with a flow that counts it; when that flow is read between the write
/// and the count, the window works out to 0, and every later transfer of the session waits forever: a receiver that
/// never gets a message again. The dispatcher holds the gate while it sends (<see cref="SendingAsync"/>); the port
/// passes on each chunk a client sends only once no send is under way (<see cref="WaitForSendsAsync"/>), so a flow
/// that counts a transfer is read after the transfer is counted. Transfers AMQPNetLite writes on the reading thread
/// itself (answers to requests, deliveries a flow released) cannot meet a flow half-way and need no gate.
/// </summary>
internal sealed class TransferGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Holds the gate until the returned handle is disposed.</summary>
    public async Task<IDisposable> SendingAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        return new Held(_gate);
    }

    /// <summary>Completes once no send is under way.</summary>
    public async Task WaitForSendsAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        _gate.Release();
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Held(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
