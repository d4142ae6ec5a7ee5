using Azure.Data.Tables;
using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Storage.Uploads;

/// <summary>The status of every upload, one entity each, keyed by municipality and period.</summary>
public sealed class UploadStatusTable(StorageAccount account)
{
    /// <summary>Partition of uploads whose blob name is not <c>{period}/{municipality}/{file}</c>.</summary>
    public const string UnroutedPartition = "unrouted";

    private readonly TableClient _table = account.Tables.GetTableClient(account.Options.UploadsTable);

    public async Task UpsertAsync(UploadRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var partition = record.Period is { } period && record.MunicipalityId is { } municipality
            ? PartitionKeys.For(period, municipality)
            : UnroutedPartition;
        var entity = new TableEntity(partition, record.UploadId)
        {
            ["BlobName"] = record.BlobName,
            ["Period"] = record.Period?.ToString(),
            ["MunicipalityId"] = record.MunicipalityId,
            ["Status"] = record.Status.ToString(),
            ["Error"] = record.Error,
            ["RuleSetVersion"] = record.RuleSetVersion,
            ["SchoolCount"] = record.SchoolCount,
            ["HighCount"] = record.HighCount,
            ["MediumCount"] = record.MediumCount,
            ["UpdatedAt"] = record.UpdatedAt,
        };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Every upload of a period, all municipalities.</summary>
    public IAsyncEnumerable<UploadRecord> ListAsync(Period period, CancellationToken cancellationToken = default) =>
        QueryAsync(PartitionKeys.PeriodFilter(period), cancellationToken);

    /// <summary>Uploads whose blob name was not a valid upload path.</summary>
    public IAsyncEnumerable<UploadRecord> ListUnroutedAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"PartitionKey eq '{UnroutedPartition}'", cancellationToken);

    private async IAsyncEnumerable<UploadRecord> QueryAsync(
        string filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return new UploadRecord(
                entity.RowKey,
                entity.GetString("BlobName"),
                entity.GetString("Period") is { } period ? Period.Parse(period) : null,
                entity.GetString("MunicipalityId"),
                Enum.Parse<UploadStatus>(entity.GetString("Status")),
                entity.GetDateTimeOffset("UpdatedAt") ?? entity.Timestamp ?? default)
            {
                Error = entity.GetString("Error"),
                RuleSetVersion = entity.GetString("RuleSetVersion"),
                SchoolCount = entity.GetInt32("SchoolCount") ?? 0,
                HighCount = entity.GetInt32("HighCount") ?? 0,
                MediumCount = entity.GetInt32("MediumCount") ?? 0,
            };
        }
    }
}
