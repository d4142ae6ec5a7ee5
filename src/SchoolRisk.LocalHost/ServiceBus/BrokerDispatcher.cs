using Microsoft.Extensions.Logging;

namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>
/// Delivers messages to receivers, on one background loop: each round takes from the store the deliveries the
/// receivers' credit allows (<see cref="BrokerStore.TakeDeliveries"/>) and sends them outside the store's lock, then
/// waits for a signal (a message sent, settled or returned, credit granted, a receiver attached) or for the next lock
/// to expire. A delivery its link cannot take goes back to the queue uncounted. The sends of a round hold the
/// <see cref="TransferGate"/>.
/// </summary>
internal sealed class BrokerDispatcher(TimeProvider time, TransferGate gate, ILogger<BrokerDispatcher> logger) : IAsyncDisposable
{
    /// <summary>Slack after a lock's end before the round that expires it, so that the store sees it expired.</summary>
    private static readonly TimeSpan ExpirySlack = TimeSpan.FromMilliseconds(20);

    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public void Start(BrokerStore store) => _loop = Task.Run(() => RunAsync(store, _stopping.Token));

    /// <summary>Asks for a round; signals that come while one is pending are one.</summary>
    public void Signal()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // A round is already pending.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stopping.Dispose();
        _signal.Dispose();
    }

    private async Task RunAsync(BrokerStore store, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            DispatchRound round;
            try
            {
                round = store.TakeDeliveries();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                logger.LogError(exception, "Service Bus dispatch failed");
                round = new DispatchRound([], [], time.GetUtcNow() + TimeSpan.FromSeconds(1));
            }

            if (round.Deliveries.Count > 0)
            {
                using var sending = await gate.SendingAsync(stopping);
                Send(store, round.Deliveries);
            }

            foreach (var consumer in round.Drained)
            {
                try
                {
                    consumer.CompleteDrain();
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    logger.LogDebug(exception, "Service Bus drain of {Link} could not complete", consumer.Name);
                }
            }

            var wait = round.NextLockExpiry is { } expiry
                ? TimeSpan.FromTicks(Math.Max(0, (expiry - time.GetUtcNow() + ExpirySlack).Ticks))
                : Timeout.InfiniteTimeSpan;
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            var signalled = _signal.WaitAsync(waiting.Token);
            var expired = Task.Delay(wait, time, waiting.Token);
            await Task.WhenAny(signalled, expired);
            await waiting.CancelAsync();
            await Task.WhenAll(signalled, expired).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private void Send(BrokerStore store, IReadOnlyList<(MessageConsumer Consumer, OutgoingMessage Message)> deliveries)
    {
        foreach (var (consumer, message) in deliveries)
        {
            try
            {
                consumer.Send(message);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                logger.LogDebug(exception, "Service Bus message {SequenceNumber} could not go out on {Link}", message.SequenceNumber, consumer.Name);
                if (consumer.PeekLock)
                {
                    store.Unsent(message.LockToken);
                }
            }
        }
    }
}
