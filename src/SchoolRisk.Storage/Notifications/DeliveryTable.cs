using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Storage.Notifications;

/// <summary>
/// The deliveries log: partition <c>{period}_{recipient}</c> (a municipality, or <c>committee</c>), row key the
/// delivery's dedupe key. A delivery recorded <see cref="DeliveryStatus.Sent"/> is never sent again.
/// </summary>
public sealed class DeliveryTable(StorageAccount account, TimeProvider time)
{
    private readonly TableClient _table = account.Tables.GetTableClient(account.Options.DeliveriesTable);

    public async Task<DeliveryRecord?> GetAsync(Period period, Delivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(PartitionKeys.For(period, MunicipalityId.Parse(delivery.Recipient.RecipientId)), delivery.DeliveryId, cancellationToken: cancellationToken);
        return found.HasValue ? ToRecord(found.Value!) : null;
    }

    /// <summary>Records an attempt's outcome; the attempt count grows by one.</summary>
    public async Task<DeliveryRecord> RecordAsync(Period period, Delivery delivery, DeliveryStatus status, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var attempts = (await GetAsync(period, delivery, cancellationToken))?.Attempts ?? 0;
        var record = new DeliveryRecord(
            delivery.DeliveryId, delivery.NoticeId, delivery.Kind, delivery.Recipient.RecipientId, delivery.Channel, delivery.Address, status, attempts + 1, reason, time.GetUtcNow());
        await _table.UpsertEntityAsync(
            new TableEntity(PartitionKeys.For(period, MunicipalityId.Parse(delivery.Recipient.RecipientId)), delivery.DeliveryId)
            {
                ["NoticeId"] = record.NoticeId,
                ["Kind"] = record.Kind,
                ["RecipientId"] = record.RecipientId,
                ["Channel"] = record.Channel.ToString(),
                ["Address"] = TableText.Cut(record.Address),
                ["Status"] = record.Status.ToString(),
                ["Attempts"] = record.Attempts,
                ["Reason"] = TableText.Cut(record.Reason),
                ["UpdatedAt"] = record.UpdatedAt,
            },
            TableUpdateMode.Replace,
            cancellationToken);
        return record;
    }

    /// <summary>Every delivery of a period, region-wide.</summary>
    public async IAsyncEnumerable<DeliveryRecord> ListAsync(Period period, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in _table.QueryAsync<TableEntity>(PartitionKeys.PeriodFilter(period), cancellationToken: cancellationToken))
        {
            yield return ToRecord(entity);
        }
    }

    private static DeliveryRecord ToRecord(TableEntity entity) => new(
        entity.RowKey,
        entity.GetString("NoticeId"),
        entity.GetString("Kind"),
        entity.GetString("RecipientId"),
        Enum.Parse<DeliveryChannel>(entity.GetString("Channel")),
        entity.GetString("Address"),
        Enum.Parse<DeliveryStatus>(entity.GetString("Status")),
        entity.GetInt32("Attempts") ?? 0,
        entity.GetString("Reason"),
        entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue);
}
