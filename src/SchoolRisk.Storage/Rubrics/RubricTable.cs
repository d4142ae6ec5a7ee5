using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Rubrics;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Storage.Rubrics;

/// <summary>
/// Rubric results: partition <c>{period}_{municipality}</c>, row key <c>{rubric}_{hash of the subject}</c> (a course's
/// title may hold characters a row key cannot), with the item scores, so the band can be found again under new rules.
/// </summary>
public sealed class RubricTable(StorageAccount account, TimeProvider time)
{
    private const int MaxBatch = 100;

    private readonly TableClient _table = account.Tables.GetTableClient(account.Options.RubricsTable);

    public async Task UpsertAsync(UploadPath path, UploadId uploadId, RuleSetVersion ruleSetVersion, IReadOnlyList<RubricResult> results, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(results);
        var partition = PartitionKeys.For(path.Period, path.MunicipalityId);
        var evaluatedAt = time.GetUtcNow();
        foreach (var chunk in results.Chunk(MaxBatch))
        {
            await _table.SubmitTransactionAsync(
                chunk.Select(result => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, RowKey(result.RubricId, result.Subject))
                {
                    ["Period"] = path.Period.ToString(),
                    ["MunicipalityId"] = path.MunicipalityId.ToString(),
                    ["RubricId"] = result.RubricId,
                    ["Level"] = result.Level.ToKey(),
                    ["Subject"] = TableText.Cut(result.Subject),
                    ["SubjectName"] = TableText.Cut(result.SubjectName),
                    ["Scores"] = result.Scores.ToString(),
                    ["Total"] = result.Total,
                    ["MaxScore"] = result.MaxScore,
                    ["Band"] = result.Band.Name,
                    ["BandLabel"] = result.Band.Label,
                    ["Zone"] = result.Zone.ToKey(),
                    ["UploadId"] = uploadId.ToString(),
                    ["RuleSetVersion"] = ruleSetVersion.ToString(),
                    ["EvaluatedAt"] = evaluatedAt,
                })),
                cancellationToken);
        }
    }

    /// <summary>Deletes the municipality's rubric results that an earlier rubric upload wrote.</summary>
    public Task DeleteOthersThanAsync(Period period, MunicipalityId municipalityId, UploadId uploadId, CancellationToken cancellationToken = default) =>
        _table.DeleteOthersThanAsync(PartitionKeys.For(period, municipalityId), uploadId.ToString(), cancellationToken);

    /// <summary>Every rubric result of a period, region-wide.</summary>
    public async IAsyncEnumerable<StoredRubric> ListAsync(Period period, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in _table.QueryAsync<TableEntity>(PartitionKeys.PeriodFilter(period), cancellationToken: cancellationToken))
        {
            yield return new StoredRubric(
                period,
                MunicipalityId.Parse(entity.GetString("MunicipalityId")),
                entity.GetString("RubricId"),
                RubricLevels.TryParse(entity.GetString("Level"), out var level) ? level : RubricLevel.Municipality,
                entity.GetString("Subject"),
                entity.GetString("SubjectName"),
                RubricScores.Parse(entity.GetString("Scores") ?? string.Empty),
                entity.GetInt32("MaxScore") ?? 0,
                entity.GetString("Band"),
                entity.GetString("BandLabel"),
                ZoneNames.TryParse(entity.GetString("Zone"), out var zone) ? zone : Zone.None,
                UploadId.Parse(entity.GetString("UploadId")),
                RuleSetVersion.Parse(entity.GetString("RuleSetVersion")));
        }
    }

    private static string RowKey(string rubricId, string subject) =>
        $"{rubricId}_{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(subject)))[..16]}";
}
