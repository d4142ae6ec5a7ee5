using Azure.Storage.Queues;

namespace SchoolRisk.Storage;

/// <summary>
/// A queue's poison queue, <c>{queue}-poison</c>, where the Functions host moves a message after its last failed
/// delivery. Replaying puts the messages back on the queue, text unchanged; what was already done for them is skipped
/// by their dedupe keys.
/// </summary>
public sealed class PoisonMessages(StorageAccount account, string queue)
{
    private readonly QueueClient _queue = account.Queues.GetQueueClient(queue);
    private readonly QueueClient _poison = account.Queues.GetQueueClient(queue + "-poison");

    /// <summary>The poison queue's name, <c>{queue}-poison</c>.</summary>
    public string Name => _poison.Name;

    /// <summary>The queue its messages go back to when replayed.</summary>
    public string Queue => _queue.Name;

    /// <summary>Moves every message of the poison queue back to the queue; returns how many it moved.</summary>
    public async Task<int> ReplayAsync(CancellationToken cancellationToken = default)
    {
        if (!await _poison.ExistsAsync(cancellationToken))
        {
            return 0;
        }

        var moved = 0;
        while (true)
        {
            var messages = (await _poison.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1), cancellationToken)).Value;
            if (messages.Length == 0)
            {
                return moved;
            }

            foreach (var message in messages)
            {
                await _queue.SendMessageAsync(message.MessageText, cancellationToken);
                await _poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                moved++;
            }
        }
    }

    /// <summary>
    /// The first <paramref name="max"/> messages waiting in the poison queue (at most 32, the storage service's limit of
    /// a peek), oldest first, left where they are; none when the poison queue does not exist.
    /// </summary>
    public async Task<IReadOnlyList<PoisonMessage>> PeekAsync(int max = 32, CancellationToken cancellationToken = default) =>
        await _poison.ExistsAsync(cancellationToken)
            ? [.. (await _poison.PeekMessagesAsync(Math.Clamp(max, 1, 32), cancellationToken)).Value
                .Select(message => new PoisonMessage(message.MessageId, message.InsertedOn, message.MessageText))]
            : [];

    /// <summary>How many messages wait in the poison queue.</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken = default) =>
        await _poison.ExistsAsync(cancellationToken) ? (await _poison.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount : 0;
}
