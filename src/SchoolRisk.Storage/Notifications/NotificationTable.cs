using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Notices.Digest;
using SchoolRisk.Domain.Notices.Recipients;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Storage.Notifications;

/// <summary>
/// The log of notices: partition <c>{period}_{municipality}</c>, row key the notice's dedupe key.
/// Adding is insert-only, so a redelivered notice is recognised and not recorded (or later, sent) twice.
/// </summary>
public sealed class NotificationTable(StorageAccount account, TimeProvider time)
{
    private readonly TableClient _table = account.Tables.GetTableClient(account.Options.NotificationsTable);

    /// <summary>Records a notice. Returns <c>false</c> when a notice with the same key is already recorded.</summary>
    public async Task<bool> TryAddAsync(MunicipalityNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var entity = new TableEntity(PartitionKeys.For(notice.Period, notice.MunicipalityId), notice.NoticeId)
        {
            ["MunicipalityId"] = notice.MunicipalityId.ToString(),
            ["Period"] = notice.Period.ToString(),
            ["UploadId"] = notice.UploadId,
            ["BlobName"] = notice.BlobName,
            ["Kind"] = notice.Kind.ToString(),
            ["RuleSetVersion"] = notice.RuleSetVersion?.ToString(),
            ["SchoolCount"] = notice.SchoolCount,
            ["HighCount"] = notice.Schools.Count(school => school.Zone == Zone.High) + notice.Rubrics.Count(rubric => rubric.Zone == Zone.High),
            ["MediumCount"] = notice.Schools.Count(school => school.Zone == Zone.Medium) + notice.Rubrics.Count(rubric => rubric.Zone == Zone.Medium),
            ["ProblemCount"] = notice.Problems?.ProblemCount ?? 0,
            ["RejectionReason"] = TableText.Cut(notice.Problems?.RejectionReason),
            ["Status"] = NoticeStatus.Recorded,
            ["RecordedAt"] = time.GetUtcNow(),
        };
        return await TryAddAsync(entity, cancellationToken);
    }

    /// <summary>Records the committee's digest (partition <c>{period}_committee</c>). Returns <c>false</c> when that digest is already recorded.</summary>
    public async Task<bool> TryAddDigestAsync(RegionalDigest digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var entity = new TableEntity(PartitionKeys.For(digest.Period, RecipientDirectory.CommitteeId), digest.Key)
        {
            ["MunicipalityId"] = RecipientDirectory.Committee,
            ["Period"] = digest.Period.ToString(),
            ["UploadId"] = string.Empty,
            ["Kind"] = NoticeKind.Digest.ToString(),
            ["HighCount"] = digest.Municipalities.Sum(row => row.High),
            ["MediumCount"] = digest.Municipalities.Sum(row => row.Medium),
            ["Status"] = NoticeStatus.Recorded,
            ["RecordedAt"] = time.GetUtcNow(),
        };
        return await TryAddAsync(entity, cancellationToken);
    }

    /// <summary>
    /// Sets how delivery of a recorded notice ended: <c>Delivered</c>, <c>Retrying</c> or <c>Failed</c>, with the reason;
    /// no reason clears an earlier one (a merge leaves out a null property, so it is written empty).
    /// </summary>
    public async Task SetStatusAsync(Period period, MunicipalityId recipientId, string noticeId, string status, string? reason, CancellationToken cancellationToken = default) =>
        await _table.UpdateEntityAsync(
            new TableEntity(PartitionKeys.For(period, recipientId), noticeId) { ["Status"] = status, ["Reason"] = TableText.Cut(reason) ?? string.Empty, ["StatusAt"] = time.GetUtcNow() },
            ETag.All, TableUpdateMode.Merge, cancellationToken);

    /// <summary>Every notice of a period, region-wide.</summary>
    public IAsyncEnumerable<RecordedNotice> ListAsync(Period period, CancellationToken cancellationToken = default) =>
        QueryAsync(PartitionKeys.PeriodFilter(period), cancellationToken);

    /// <summary>The notices and digests whose delivery ended <see cref="NoticeStatus.Failed"/>: of one period, or of every period when <paramref name="period"/> is <c>null</c>.</summary>
    public IAsyncEnumerable<RecordedNotice> ListFailedAsync(Period? period, CancellationToken cancellationToken = default) =>
        QueryAsync((period is { } one ? $"{PartitionKeys.PeriodFilter(one)} and " : string.Empty) + $"Status eq '{NoticeStatus.Failed}'", cancellationToken);

    /// <summary>The notice <paramref name="noticeId"/> of <paramref name="recipientId"/> in <paramref name="period"/>; <c>null</c> when none is recorded.</summary>
    public async Task<RecordedNotice?> GetAsync(Period period, MunicipalityId recipientId, string noticeId, CancellationToken cancellationToken = default)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(PartitionKeys.For(period, recipientId), noticeId, cancellationToken: cancellationToken);
        return found.HasValue ? ToRecord(found.Value!) : null;
    }

    private async IAsyncEnumerable<RecordedNotice> QueryAsync(string filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return ToRecord(entity);
        }
    }

    private static RecordedNotice ToRecord(TableEntity entity) => new(
        entity.RowKey,
        MunicipalityId.Parse(entity.GetString("MunicipalityId")),
        entity.GetString("UploadId"),
        Enum.Parse<NoticeKind>(entity.GetString("Kind")),
        entity.GetString("RuleSetVersion") is { } version ? RuleSetVersion.Parse(version) : null,
        entity.GetInt32("HighCount") ?? 0,
        entity.GetInt32("MediumCount") ?? 0,
        entity.GetInt32("ProblemCount") ?? 0,
        entity.GetString("Status"))
    {
        Period = Period.Parse(entity.GetString("Period")),
        Reason = entity.GetString("Reason") is { Length: > 0 } reason ? reason : null,
        RecordedAt = entity.GetDateTimeOffset("RecordedAt"),
        StatusAt = entity.GetDateTimeOffset("StatusAt"),
    };

    /// <summary>Insert-only: <c>false</c> when an entity with the same key is already there.</summary>
    private async Task<bool> TryAddAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }
}
