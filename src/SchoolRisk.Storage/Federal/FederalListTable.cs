using Azure.Data.Tables;
using SchoolRisk.Domain.Federal;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Storage.Federal;

/// <summary>
/// The federal lists, one per period (<see cref="StorageOptions.FederalListsTable"/>): partition the period
/// (<c>2024-2025</c>), row key the school id, columns <c>SchoolName</c>, <c>MunicipalityId</c>, <c>OnList</c>, the file's
/// <c>FileName</c>, <c>VersionId</c> and <c>SavedAt</c>, and one column per assessed risk factor
/// (<see cref="FederalRiskFactor.Id"/>) holding <c>high</c>, <c>medium</c> or <c>low</c>. A newer file of the period
/// replaces the whole partition: its rows are upserted, then the rows of any other version are deleted, so a retried
/// check writes the same rows again. Stored text that is no id or level is a fault of the data (<see cref="FormatException"/>).
/// </summary>
public sealed class FederalListTable(StorageAccount account)
{
    private const int MaxBatch = 100;

    private readonly TableClient _table = account.Tables.GetTableClient(account.Options.FederalListsTable);

    /// <summary>
    /// Makes <paramref name="schools"/> of <paramref name="file"/> the period's list, unless a file saved later is stored
    /// already (then nothing is written and <c>false</c> is returned).
    /// </summary>
    public async Task<bool> ReplaceAsync(FederalFile file, IReadOnlyList<FederalSchool> schools, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(schools);
        var partition = file.Period.ToString();
        var stored = await _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), maxPerPage: 1, select: ["SavedAt", "VersionId"], cancellationToken: cancellationToken)
            .FirstOrDefaultAsync(cancellationToken);
        if (stored?.GetDateTimeOffset("SavedAt") is { } savedAt && savedAt > file.SavedAt)
        {
            return false;
        }

        foreach (var chunk in schools.Chunk(MaxBatch))
        {
            await _table.SubmitTransactionAsync(chunk.Select(school => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(file, school))), cancellationToken);
        }

        var stale = await _table.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {partition} and VersionId ne {file.VersionId}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken);
        foreach (var chunk in stale.Chunk(MaxBatch))
        {
            await _table.SubmitTransactionAsync(chunk.Select(entity => new TableTransactionAction(TableTransactionActionType.Delete, entity)), cancellationToken);
        }

        return true;
    }

    /// <summary>The period's list, or <c>null</c> when the committee has stored none for it.</summary>
    public async Task<StoredFederalList?> ReadAsync(Period period, CancellationToken cancellationToken = default)
    {
        var entities = await _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {period.ToString()}"), cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken);
        if (entities.Count == 0)
        {
            return null;
        }

        var first = entities[0];
        return new StoredFederalList(
            period, first.GetString("FileName") ?? string.Empty, first.GetString("VersionId") ?? string.Empty, first.GetDateTimeOffset("SavedAt") ?? default,
            [.. entities.Select(SchoolOf).OrderBy(school => school.MunicipalityId).ThenBy(school => school.SchoolId)]);
    }

    private static TableEntity ToEntity(FederalFile file, FederalSchool school)
    {
        var entity = new TableEntity(file.Period.ToString(), school.SchoolId.ToString())
        {
            ["SchoolName"] = school.SchoolName,
            ["MunicipalityId"] = school.MunicipalityId.ToString(),
            ["OnList"] = school.OnList,
            ["FileName"] = file.FileName,
            ["VersionId"] = file.VersionId,
            ["SavedAt"] = file.SavedAt,
        };
        foreach (var (factor, level) in school.Profile)
        {
            entity[factor] = LevelKey(level);
        }

        return entity;
    }

    private static FederalSchool SchoolOf(TableEntity entity) => new(
        SchoolId.Parse(entity.RowKey),
        entity.GetString("SchoolName") ?? string.Empty,
        MunicipalityId.Parse(entity.GetString("MunicipalityId") ?? string.Empty),
        entity.GetBoolean("OnList") ?? false,
        new SortedDictionary<string, FederalRiskLevel>(
            FederalRiskFactors.All.Where(factor => entity.GetString(factor.Id) is not null)
                .ToDictionary(factor => factor.Id, factor => LevelOf(entity.GetString(factor.Id)!)),
            StringComparer.Ordinal));

    private static string LevelKey(FederalRiskLevel level) => level switch
    {
        FederalRiskLevel.High => "high",
        FederalRiskLevel.Medium => "medium",
        _ => "low",
    };

    private static FederalRiskLevel LevelOf(string key) => key switch
    {
        "high" => FederalRiskLevel.High,
        "medium" => FederalRiskLevel.Medium,
        "low" => FederalRiskLevel.Low,
        _ => throw new FormatException($"A stored federal risk level is \"{key}\", not high, medium or low."),
    };
}
