using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using SchoolRisk.Domain.Assessment;
using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.RiskGroups;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Storage.Results;

/// <summary>
/// Results, one wide entity per school per period: partition <c>{period}_{municipality}</c>, row key the school id's text,
/// columns <c>{Indicator}</c> (value) and <c>{Indicator}Zone</c> for every indicator of the catalog, the overall zone,
/// and the classification (<c>ResultsIndex</c>, <c>LowResults</c>, <c>StablyLowResults</c>, <c>UnfavourableConditions</c>,
/// <c>Typology</c>, <c>NonObjectiveResults</c>, <c>LeaderEffective</c>), the standing toward the low-result group
/// (<c>RiskGroupStatus</c>, <c>RiskGroupStreak</c>, <c>RiskGroupEnteredIn</c>, <c>RiskGroupExitedIn</c>), and after a recalculation under new rules the zone
/// before them and the version that decided it (<c>ZoneBeforeRules</c>, <c>RuleSetVersionBeforeRules</c>). An indicator a rule could not evaluate for the school (the rule threw on its
/// values) has no zone column and is listed in <c>NotEvaluated</c> (indicator ids, comma-separated).
/// Writes are upserts in entity-group transactions of up to 100, so a retried upload rewrites the same rows. Ids are read
/// back parsed: a row key or column that is not an id is a fault of the stored data (a <see cref="FormatException"/>).
/// </summary>
public sealed class ResultTable(StorageAccount account, TimeProvider time)
{
    private const int MaxBatch = 100;
    private const string ZoneSuffix = "Zone";
    private const string ZoneBeforeRulesColumn = "ZoneBeforeRules";
    private const string VersionBeforeRulesColumn = "RuleSetVersionBeforeRules";

    /// <summary>Ranges of partitions <see cref="ReadInputsAsync"/> reads at once.</summary>
    private const int RangesAtOnce = 8;

    private static readonly string[] RiskGroupColumns = ["LowResults", "RiskGroupStatus", "RiskGroupStreak", "RiskGroupEnteredIn", "RiskGroupExitedIn"];

    private static readonly string[] InputColumns =
        ["RowKey", "MunicipalityId", "SchoolName", "OverallZone", "UploadId", "RuleSetVersion", ZoneBeforeRulesColumn, VersionBeforeRulesColumn, "EvaluatedAt", .. IndicatorCatalog.All.Select(indicator => indicator.PropertyName)];

    private readonly TableClient _table = account.Tables.GetTableClient(account.Options.ResultsTable);

    public async Task UpsertAsync(EvaluatedUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var partition = PartitionKeys.For(upload.Path.Period, upload.Path.MunicipalityId);
        var evaluatedAt = time.GetUtcNow();
        foreach (var chunk in upload.Schools.Chunk(MaxBatch))
        {
            var actions = chunk.Select(school => new TableTransactionAction(
                TableTransactionActionType.UpsertReplace, ToEntity(partition, upload, school, evaluatedAt)));
            await _table.SubmitTransactionAsync(actions, cancellationToken);
        }
    }

    /// <summary>
    /// Rewrites one municipality's results of a recalculation, each only if it is still the version that was read
    /// (<paramref name="stored"/>, by school id): when an upload changed the municipality meanwhile, nothing of it is
    /// written (a transaction is all or nothing) and <c>false</c> is returned; that upload queues its own recalculation.
    /// Each row keeps the zone it had before the rule change (<see cref="StoredInput.ZoneBefore"/>) and is stamped with
    /// <paramref name="recalculationStartedAt"/>, so that after a recalculation killed half-way the next one knows what
    /// the rules moved and that nobody has told the municipality yet.
    /// </summary>
    public async Task<bool> ReplaceIfUnchangedAsync(
        EvaluatedUpload upload, IReadOnlyDictionary<SchoolId, StoredInput> stored, DateTimeOffset recalculationStartedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(stored);
        var partition = PartitionKeys.For(upload.Path.Period, upload.Path.MunicipalityId);
        try
        {
            foreach (var chunk in upload.Schools.Chunk(MaxBatch))
            {
                var actions = chunk.Select(school =>
                {
                    var row = stored[school.School.SchoolId];
                    var entity = ToEntity(partition, upload, school, recalculationStartedAt);
                    var before = row.ZoneBefore(upload.RuleSetVersion);
                    entity[ZoneBeforeRulesColumn] = before?.Zone.ToKey();
                    entity[VersionBeforeRulesColumn] = before?.Version?.ToString();
                    return new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, new Azure.ETag(row.ETag));
                });
                await _table.SubmitTransactionAsync(actions, cancellationToken);
            }

            return true;
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Deletes the municipality's results for the period that an upload other than <paramref name="uploadId"/> wrote:
    /// after a corrected upload, only its schools are current.
    /// </summary>
    public Task DeleteOthersThanAsync(Period period, MunicipalityId municipalityId, UploadId uploadId, CancellationToken cancellationToken = default) =>
        _table.DeleteOthersThanAsync(PartitionKeys.For(period, municipalityId), uploadId.ToString(), cancellationToken);

    /// <summary>
    /// Each school's standing toward the low-result group in a period, for one municipality or (<c>null</c>) the whole
    /// region: the «before» of the next period's standing and of stably low results. A school absent from the period is
    /// absent from the answer.
    /// </summary>
    public Task<IReadOnlyDictionary<SchoolId, RiskGroupStanding>> RiskGroupsAsync(Period period, MunicipalityId? municipalityId, CancellationToken cancellationToken = default) =>
        ColumnsAsync(period, municipalityId, RiskGroupColumns, RiskGroupOf, cancellationToken);

    /// <summary>
    /// Each school's overall zone in a period, for one municipality or (<c>null</c>) the whole region: the «before» of
    /// notices and analytical notes. A school absent from the period is absent from the answer.
    /// </summary>
    public Task<IReadOnlyDictionary<SchoolId, Zone>> ZonesAsync(Period period, MunicipalityId? municipalityId, CancellationToken cancellationToken = default) =>
        ColumnAsync(period, municipalityId, "OverallZone", entity => ZoneOf(entity.GetString("OverallZone")), cancellationToken);

    /// <summary>
    /// Every school's inputs of a period, region-wide, reading only the columns a re-evaluation needs (the values, not
    /// the zones and classification derived from them): a national period is tens of thousands of wide rows. The period
    /// is read as several ranges of partitions at once, split over <paramref name="municipalityIds"/> (the registry's),
    /// which Table storage serves side by side; a municipality not among the ids is read all the same.
    /// </summary>
    public async Task<IReadOnlyList<StoredInput>> ReadInputsAsync(Period period, IReadOnlyList<MunicipalityId> municipalityIds, CancellationToken cancellationToken = default)
    {
        var ranges = await Task.WhenAll(PartitionKeys.PeriodRangeFilters(period, municipalityIds, RangesAtOnce)
            .Select(filter => _table.QueryAsync<TableEntity>(filter, select: InputColumns, cancellationToken: cancellationToken).Select(InputOf).ToListAsync(cancellationToken).AsTask()));
        return [.. ranges.SelectMany(range => range)];
    }

    public IAsyncEnumerable<StoredResult> ListAsync(Period period, MunicipalityId municipalityId, CancellationToken cancellationToken = default) =>
        QueryAsync($"PartitionKey eq '{PartitionKeys.For(period, municipalityId)}'", cancellationToken);

    /// <summary>
    /// One school's results in every period it was evaluated, oldest first (a scan filtered by row key: fine for a region;
    /// a national history would want its own index). A school id has no quote for the filter to escape.
    /// </summary>
    public async Task<IReadOnlyList<StoredResult>> HistoryAsync(SchoolId schoolId, CancellationToken cancellationToken = default) =>
        [.. (await QueryAsync($"RowKey eq '{schoolId}'", cancellationToken).ToListAsync(cancellationToken))
            .OrderBy(result => result.Period.StartYear)];

    /// <summary>Every result of a period, region-wide.</summary>
    public IAsyncEnumerable<StoredResult> ListAsync(Period period, CancellationToken cancellationToken = default) =>
        QueryAsync(PartitionKeys.PeriodFilter(period), cancellationToken);

    /// <summary>The entities <see cref="UpsertAsync"/> writes for <paramref name="upload"/>: what a benchmark writes raw to compare.</summary>
    public static IEnumerable<TableEntity> EntitiesOf(EvaluatedUpload upload, DateTimeOffset evaluatedAt)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var partition = PartitionKeys.For(upload.Path.Period, upload.Path.MunicipalityId);
        return upload.Schools.Select(school => ToEntity(partition, upload, school, evaluatedAt));
    }

    private static TableEntity ToEntity(string partition, EvaluatedUpload upload, SchoolEvaluation school, DateTimeOffset evaluatedAt)
    {
        var entity = new TableEntity(partition, school.School.SchoolId.ToString())
        {
            ["Period"] = upload.Path.Period.ToString(),
            ["MunicipalityId"] = upload.Path.MunicipalityId.ToString(),
            ["SchoolName"] = TableText.Cut(school.School.SchoolName),
            ["OverallZone"] = school.OverallZone.ToKey(),
            ["UploadId"] = upload.UploadId.ToString(),
            ["RuleSetVersion"] = upload.RuleSetVersion.ToString(),
            ["EvaluatedAt"] = evaluatedAt,
        };
        var notEvaluated = school.NotEvaluated;
        foreach (var indicator in IndicatorCatalog.All)
        {
            entity[indicator.PropertyName] = (double?)indicator.ValueOf(school.School.Indicators);
            entity[indicator.PropertyName + ZoneSuffix] = notEvaluated.Contains(indicator.Id) ? null : school.ZoneOf(indicator.Id).ToKey();
        }

        entity["NotEvaluated"] = notEvaluated.Count > 0 ? string.Join(",", notEvaluated) : null;

        var classification = school.Classification;
        entity["ResultsIndex"] = (double?)classification.ResultsIndex;
        entity["LowResults"] = classification.LowResults;
        entity["StablyLowResults"] = classification.StablyLowResults;
        entity["UnfavourableConditions"] = classification.UnfavourableConditions;
        entity["Typology"] = classification.Typology.ToString();
        entity["NonObjectiveResults"] = classification.NonObjectiveResults;
        entity["LeaderEffective"] = classification.LeaderEffective;
        entity["RiskGroupStatus"] = classification.RiskGroup.Status.ToKey();
        entity["RiskGroupStreak"] = classification.RiskGroup.Streak;
        entity["RiskGroupEnteredIn"] = classification.RiskGroup.EnteredIn?.ToString();
        entity["RiskGroupExitedIn"] = classification.RiskGroup.ExitedIn?.ToString();
        var assessment = school.Assessment;
        foreach (var (direction, score) in assessment.Directions)
        {
            entity[$"Assessment_{direction}"] = (double?)score;
        }

        entity["AssessmentScore"] = (double?)assessment.Composite;
        entity["AssessmentLevel"] = assessment.Level?.ToString();
        entity["AssessmentRank"] = assessment.Rank;
        entity["AssessmentTop"] = assessment.Top;
        entity["AssessmentLeader"] = assessment.Leader;
        return entity;
    }

    private async IAsyncEnumerable<StoredResult> QueryAsync(string filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return FromEntity(entity);
        }
    }

    private static StoredResult FromEntity(TableEntity entity)
    {
        var indicators = IndicatorCatalog.All.ToDictionary(
            indicator => indicator.Id,
            indicator => new IndicatorResult(
                DecimalOf(entity, indicator.PropertyName),
                ZoneOf(entity.GetString(indicator.PropertyName + ZoneSuffix))));
        return new StoredResult(
            Period.Parse(entity.GetString("Period")),
            MunicipalityId.Parse(entity.GetString("MunicipalityId")),
            SchoolId.Parse(entity.RowKey),
            entity.GetString("SchoolName"),
            ZoneOf(entity.GetString("OverallZone")),
            UploadId.Parse(entity.GetString("UploadId")),
            RuleSetVersion.Parse(entity.GetString("RuleSetVersion")),
            indicators,
            new SchoolClassification(
                DecimalOf(entity, "ResultsIndex"),
                entity.GetBoolean("LowResults") ?? false,
                entity.GetBoolean("StablyLowResults") ?? false,
                entity.GetBoolean("UnfavourableConditions") ?? false,
                Enum.TryParse<Typology>(entity.GetString("Typology"), out var typology) ? typology : Typology.Successful,
                entity.GetBoolean("NonObjectiveResults") ?? false,
                entity.GetBoolean("LeaderEffective") ?? false)
            {
                RiskGroup = RiskGroupOf(entity),
            })
        {
            Assessment = new SchoolAssessment(
                entity.Keys.Where(key => key.StartsWith("Assessment_", StringComparison.Ordinal))
                    .ToDictionary(key => key["Assessment_".Length..], key => DecimalOf(entity, key)),
                DecimalOf(entity, "AssessmentScore"),
                Enum.TryParse<AssessmentLevel>(entity.GetString("AssessmentLevel"), out var level) ? level : null,
                entity.GetInt32("AssessmentRank"),
                entity.GetBoolean("AssessmentTop") ?? false,
                entity.GetBoolean("AssessmentLeader") ?? false),
            ETag = entity.ETag.ToString(),
        };
    }

    private Task<IReadOnlyDictionary<SchoolId, T>> ColumnAsync<T>(
        Period period, MunicipalityId? municipalityId, string column, Func<TableEntity, T> read, CancellationToken cancellationToken) =>
        ColumnsAsync(period, municipalityId, [column], read, cancellationToken);

    private async Task<IReadOnlyDictionary<SchoolId, T>> ColumnsAsync<T>(
        Period period, MunicipalityId? municipalityId, IReadOnlyList<string> columns, Func<TableEntity, T> read, CancellationToken cancellationToken) =>
        await _table.QueryAsync<TableEntity>(
                municipalityId is { } municipality ? $"PartitionKey eq '{PartitionKeys.For(period, municipality)}'" : PartitionKeys.PeriodFilter(period),
                select: ["RowKey", .. columns],
                cancellationToken: cancellationToken)
            .ToDictionaryAsync(entity => SchoolId.Parse(entity.RowKey), read, cancellationToken: cancellationToken);

    /// <summary>
    /// The stored standing toward the low-result group; a row written before standings were kept reads from its
    /// <c>LowResults</c>: in the group (as entered) or outside.
    /// </summary>
    private static RiskGroupStanding RiskGroupOf(TableEntity entity) =>
        RiskGroupStatuses.TryParse(entity.GetString("RiskGroupStatus"), out var status)
            ? new RiskGroupStanding(
                status,
                entity.GetInt32("RiskGroupStreak") ?? 0,
                entity.GetString("RiskGroupEnteredIn") is { } entered ? Period.Parse(entered) : null,
                entity.GetString("RiskGroupExitedIn") is { } exited ? Period.Parse(exited) : null)
            : entity.GetBoolean("LowResults") == true
                ? new RiskGroupStanding(RiskGroupStatus.Entered, 0, null, null)
                : RiskGroupStanding.Outside;

    private static StoredInput InputOf(TableEntity entity) => new(
        MunicipalityId.Parse(entity.GetString("MunicipalityId")),
        SchoolId.Parse(entity.RowKey),
        entity.GetString("SchoolName"),
        ZoneOf(entity.GetString("OverallZone")),
        UploadId.Parse(entity.GetString("UploadId")),
        RuleSetVersion.Parse(entity.GetString("RuleSetVersion")),
        ValuesOf(entity),
        entity.ETag.ToString(),
        ZoneNames.TryParse(entity.GetString(ZoneBeforeRulesColumn), out var before) ? before : null,
        entity.GetDateTimeOffset("EvaluatedAt") ?? DateTimeOffset.MinValue,
        entity.GetString(VersionBeforeRulesColumn) is { } versionBefore ? RuleSetVersion.Parse(versionBefore) : null);

    private static SchoolIndicators ValuesOf(TableEntity entity) => SchoolIndicators.Create(IndicatorCatalog.All.Select(
        indicator => new KeyValuePair<Indicator, decimal?>(indicator, DecimalOf(entity, indicator.PropertyName))));

    /// <summary>A number column, stored as a double (Table storage has no decimal), read back as the decimal it was written from.</summary>
    private static decimal? DecimalOf(TableEntity entity, string column) => entity.GetDouble(column) is { } value ? (decimal)value : null;

    private static Zone ZoneOf(string? key) => ZoneNames.TryParse(key, out var zone) ? zone : Zone.None;
}
