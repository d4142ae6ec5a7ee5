using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Storage.Municipalities;

/// <summary>Municipal indicators and zones: partition the period (a region-wide map is one partition), row key the municipality.</summary>
public sealed class MunicipalityTable(StorageAccount account, TimeProvider time)
{
    private readonly TableClient _table = account.Tables.GetTableClient(account.Options.MunicipalitiesTable);

    public async Task UpsertAsync(MunicipalSummary summary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var entity = new TableEntity(summary.Period.ToString(), summary.MunicipalityId)
        {
            ["UploadId"] = summary.UploadId,
            ["Schools"] = summary.Schools,
            ["SportsClubShare"] = (double?)summary.SportsClubShare,
            ["TheatreShare"] = (double?)summary.TheatreShare,
            ["MuseumShare"] = (double?)summary.MuseumShare,
            ["SptParticipationShare"] = (double?)summary.SptParticipationShare,
            ["OlympiadWinnersShare"] = (double?)summary.OlympiadWinnersShare,
            ["HighZoneShare"] = (double)summary.HighZoneShare,
            ["MediumZoneShare"] = (double)summary.MediumZoneShare,
            ["LowResultsShare"] = (double)summary.LowResultsShare,
            ["Zone"] = summary.Zone.ToKey(),
            ["UpdatedAt"] = time.GetUtcNow(),
        };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async IAsyncEnumerable<MunicipalSummary> ListAsync(Period period, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in _table.QueryAsync<TableEntity>($"PartitionKey eq '{period}'", cancellationToken: cancellationToken))
        {
            static decimal? Share(TableEntity entity, string name) => entity.GetDouble(name) is { } value ? (decimal)value : null;
            yield return new MunicipalSummary(
                entity.RowKey,
                period,
                entity.GetString("UploadId"),
                entity.GetInt32("Schools") ?? 0,
                Share(entity, "SportsClubShare"),
                Share(entity, "TheatreShare"),
                Share(entity, "MuseumShare"),
                Share(entity, "SptParticipationShare"),
                Share(entity, "OlympiadWinnersShare"),
                Share(entity, "HighZoneShare") ?? 0,
                Share(entity, "MediumZoneShare") ?? 0,
                Share(entity, "LowResultsShare") ?? 0,
                ZoneNames.TryParse(entity.GetString("Zone"), out var zone) ? zone : Zone.None);
        }
    }
}
