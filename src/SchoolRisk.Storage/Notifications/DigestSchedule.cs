using Azure.Data.Tables;
using Azure.Storage.Queues;
using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Storage.Notifications;

/// <summary>
/// Debounces the committee's digest: each request is queued on <paramref name="queue"/> (<c>digest-requests</c>, which
/// the application names) to become visible after a delay, and the latest request time of the period is kept (table
/// <c>notifications</c>, partition <c>digest-requests</c>). A request that finds a later one recorded ends at once: a
/// burst of uploads makes one digest, after it settles. A recalculation that starts postpones the requests made before it
/// (<see cref="PostponeAsync"/>): the one it makes when it completes replaces them.
/// </summary>
public sealed class DigestSchedule(StorageAccount account, string queue)
{
    private const string Partition = "digest-requests";

    private readonly TableClient _table = account.Tables.GetTableClient(account.Options.NotificationsTable);
    private readonly QueueClient _queue = account.Queues.GetQueueClient(queue);

    /// <summary>Records <paramref name="requestedAt"/> as the period's latest request and queues <paramref name="message"/>, visible after <paramref name="delay"/>.</summary>
    public async Task ScheduleAsync(Period period, DateTimeOffset requestedAt, string message, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        await _table.UpsertEntityAsync(new TableEntity(Partition, period.ToString()) { ["RequestedAt"] = requestedAt }, TableUpdateMode.Replace, cancellationToken);
        await _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await _queue.SendMessageAsync(message, visibilityTimeout: delay, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Records <paramref name="at"/> as the period's latest request without queueing one: every request made before it
    /// ends at once, and the caller promises a request of its own (a recalculation makes it when it completes).
    /// </summary>
    public async Task PostponeAsync(Period period, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await _table.UpsertEntityAsync(new TableEntity(Partition, period.ToString()) { ["RequestedAt"] = at }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>Whether no request of the period was made after <paramref name="requestedAt"/>.</summary>
    public async Task<bool> IsLatestAsync(Period period, DateTimeOffset requestedAt, CancellationToken cancellationToken = default)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, period.ToString(), cancellationToken: cancellationToken);
        return !found.HasValue || found.Value!.GetDateTimeOffset("RequestedAt") is not { } latest || latest <= requestedAt;
    }
}
