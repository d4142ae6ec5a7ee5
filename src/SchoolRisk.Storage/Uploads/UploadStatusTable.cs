using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Uploads;

namespace SchoolRisk.Storage.Uploads;

/// <summary>The status of every upload, one entity each, partition <c>{period}_{municipality}</c>, row key the upload id.</summary>
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
        var entity = new TableEntity(partition, record.UploadId.ToString())
        {
            ["BlobName"] = record.BlobName,
            ["Period"] = record.Period?.ToString(),
            ["MunicipalityId"] = record.MunicipalityId?.ToString(),
            ["Status"] = record.Status.ToString(),
            ["UpdatedAt"] = record.UpdatedAt,
            ["BlobCreatedAt"] = record.BlobCreatedAt,
            ["ContentHash"] = record.ContentHash,
            ["Error"] = TableText.Cut(record.Error),
            ["RuleSetVersion"] = record.RuleSetVersion?.ToString(),
            ["DataRows"] = record.DataRows,
            ["SchoolCount"] = record.SchoolCount,
            ["RubricCount"] = record.RubricCount,
            ["SkippedRows"] = record.SkippedRows,
            ["ProblemCount"] = record.ProblemCount,
            ["HighCount"] = record.HighCount,
            ["MediumCount"] = record.MediumCount,
            ["ReportJson"] = record.ReportJson,
            ["ReportCsv"] = record.ReportCsv,
            ["DuplicateOf"] = record.DuplicateOf?.ToString(),
            ["SupersededBy"] = record.SupersededBy?.ToString(),
        };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Every upload of a period, all municipalities.</summary>
    public IAsyncEnumerable<UploadRecord> ListAsync(Period period, CancellationToken cancellationToken = default) =>
        QueryAsync(PartitionKeys.PeriodFilter(period), cancellationToken);

    /// <summary>Every upload of one municipality for a period: its history.</summary>
    public IAsyncEnumerable<UploadRecord> ListAsync(Period period, MunicipalityId municipalityId, CancellationToken cancellationToken = default) =>
        QueryAsync($"PartitionKey eq '{PartitionKeys.For(period, municipalityId)}'", cancellationToken);

    /// <summary>Uploads whose blob name was not a valid upload path.</summary>
    public IAsyncEnumerable<UploadRecord> ListUnroutedAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"PartitionKey eq '{UnroutedPartition}'", cancellationToken);

    private async IAsyncEnumerable<UploadRecord> QueryAsync(string filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return new UploadRecord(
                UploadId.Parse(entity.RowKey),
                entity.GetString("BlobName"),
                entity.GetString("Period") is { } period ? Period.Parse(period) : null,
                entity.GetString("MunicipalityId") is { } municipality ? MunicipalityId.Parse(municipality) : null,
                Enum.Parse<UploadStatus>(entity.GetString("Status")),
                entity.GetDateTimeOffset("UpdatedAt") ?? entity.Timestamp ?? default)
            {
                BlobCreatedAt = entity.GetDateTimeOffset("BlobCreatedAt"),
                ContentHash = entity.GetString("ContentHash"),
                Error = entity.GetString("Error"),
                RuleSetVersion = entity.GetString("RuleSetVersion") is { } version ? RuleSetVersion.Parse(version) : null,
                DataRows = entity.GetInt32("DataRows") ?? 0,
                SchoolCount = entity.GetInt32("SchoolCount") ?? 0,
                RubricCount = entity.GetInt32("RubricCount") ?? 0,
                SkippedRows = entity.GetInt32("SkippedRows") ?? 0,
                ProblemCount = entity.GetInt32("ProblemCount") ?? 0,
                HighCount = entity.GetInt32("HighCount") ?? 0,
                MediumCount = entity.GetInt32("MediumCount") ?? 0,
                ReportJson = entity.GetString("ReportJson"),
                ReportCsv = entity.GetString("ReportCsv"),
                DuplicateOf = entity.GetString("DuplicateOf") is { } duplicateOf ? UploadId.Parse(duplicateOf) : null,
                SupersededBy = entity.GetString("SupersededBy") is { } supersededBy ? UploadId.Parse(supersededBy) : null,
            };
        }
    }
}
