using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Storage.Municipalities;

/// <summary>
/// Municipal indicators and zones: partition the period (a region-wide map is one partition), row key the municipality.
/// School uploads and rubric uploads each change their part of the same row, so every change is a read, a change and
/// a write conditional on the ETag read, repeated when another writer came first.
/// </summary>
public sealed class MunicipalityTable(StorageAccount account, TimeProvider time)
{
    private readonly TableClient _table = account.Tables.GetTableClient(account.Options.MunicipalitiesTable);

    /// <summary>Applies <paramref name="change"/> to the municipality's summary (<c>null</c> when it has none yet), writes the result and returns it.</summary>
    public Task<MunicipalSummary> UpdateAsync(Period period, MunicipalityId municipalityId, Func<MunicipalSummary?, MunicipalSummary> change, CancellationToken cancellationToken = default) =>
        UpdateAsync(period, municipalityId, change, null, cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to <paramref name="known"/> (a row of <see cref="SnapshotAsync"/>), so the first
    /// try costs one conditional write instead of a read and a write, and none when the summary does not change. When
    /// another writer changed the row since the snapshot, it is read again and the change applied to what it holds.
    /// </summary>
    public async Task<MunicipalSummary> UpdateAsync(
        Period period, MunicipalityId municipalityId, Func<MunicipalSummary?, MunicipalSummary> change, StoredSummary? known, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var current = known;
        var read = known is null;
        while (true)
        {
            if (read)
            {
                var entity = await _table.GetEntityIfExistsAsync<TableEntity>(period.ToString(), municipalityId.ToString(), cancellationToken: cancellationToken);
                current = entity.HasValue ? new StoredSummary(FromEntity(entity.Value!, period), entity.Value!.ETag.ToString()) : null;
            }

            var summary = change(current?.Summary);
            if (summary == current?.Summary)
            {
                return summary;
            }

            try
            {
                if (current is not null)
                {
                    await _table.UpdateEntityAsync(ToEntity(summary), new ETag(current.ETag), TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await _table.AddEntityAsync(ToEntity(summary), cancellationToken);
                }

                return summary;
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412)
            {
                // Another upload of the municipality wrote first: read its row again.
                read = true;
            }
        }
    }

    /// <summary>Every municipality's summary of the period with its ETag, by municipality id: one query where a row each would be a read each.</summary>
    public async Task<IReadOnlyDictionary<MunicipalityId, StoredSummary>> SnapshotAsync(Period period, CancellationToken cancellationToken = default) =>
        await _table.QueryAsync<TableEntity>($"PartitionKey eq '{period}'", cancellationToken: cancellationToken)
            .Select(entity => new StoredSummary(FromEntity(entity, period), entity.ETag.ToString()))
            .ToDictionaryAsync(stored => stored.Summary.MunicipalityId, cancellationToken: cancellationToken);

    /// <summary>The periods that have municipal results, newest first.</summary>
    public async Task<IReadOnlyList<Period>> PeriodsAsync(CancellationToken cancellationToken = default)
    {
        var periods = new HashSet<Period>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            if (Period.TryParse(entity.PartitionKey, out var period))
            {
                periods.Add(period);
            }
        }

        return [.. periods.OrderByDescending(period => period.StartYear)];
    }

    public async IAsyncEnumerable<MunicipalSummary> ListAsync(Period period, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in _table.QueryAsync<TableEntity>($"PartitionKey eq '{period}'", cancellationToken: cancellationToken))
        {
            yield return FromEntity(entity, period);
        }
    }

    private TableEntity ToEntity(MunicipalSummary summary) => new(summary.Period.ToString(), summary.MunicipalityId.ToString())
    {
        ["UploadId"] = summary.UploadId?.ToString() ?? string.Empty,
        ["Schools"] = summary.Schools,
        ["SportsClubShare"] = (double?)summary.SportsClubShare,
        ["TheatreShare"] = (double?)summary.TheatreShare,
        ["MuseumShare"] = (double?)summary.MuseumShare,
        ["SptParticipationShare"] = (double?)summary.SptParticipationShare,
        ["OlympiadWinnersShare"] = (double?)summary.OlympiadWinnersShare,
        ["HighZoneShare"] = (double)summary.HighZoneShare,
        ["MediumZoneShare"] = (double)summary.MediumZoneShare,
        ["LowResultsShare"] = (double)summary.LowResultsShare,
        ["SchoolZone"] = summary.SchoolZone.ToKey(),
        ["RubricZone"] = summary.RubricZone.ToKey(),
        ["Zone"] = summary.Zone.ToKey(),
        ["UpdatedAt"] = time.GetUtcNow(),
    };

    private static MunicipalSummary FromEntity(TableEntity entity, Period period)
    {
        static decimal? Share(TableEntity entity, string name) => entity.GetDouble(name) is { } value ? (decimal)value : null;
        static Zone ZoneOf(TableEntity entity, string name) => ZoneNames.TryParse(entity.GetString(name), out var zone) ? zone : Zone.None;
        return new MunicipalSummary(
            MunicipalityId.Parse(entity.RowKey),
            period,
            entity.GetString("UploadId") is { Length: > 0 } uploadId ? UploadId.Parse(uploadId) : null,
            entity.GetInt32("Schools") ?? 0,
            Share(entity, "SportsClubShare"),
            Share(entity, "TheatreShare"),
            Share(entity, "MuseumShare"),
            Share(entity, "SptParticipationShare"),
            Share(entity, "OlympiadWinnersShare"),
            Share(entity, "HighZoneShare") ?? 0,
            Share(entity, "MediumZoneShare") ?? 0,
            Share(entity, "LowResultsShare") ?? 0,
            ZoneOf(entity, "SchoolZone"))
        {
            RubricZone = ZoneOf(entity, "RubricZone"),
        };
    }
}
