using Azure;
using Azure.Data.Tables;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Support;

namespace SchoolRisk.Storage.Support;

/// <summary>
/// The committee's support decisions in force: partition the period (<c>2023-2024</c>), row key
/// <c>{school id}|{kind key}</c> (<c>gatchinsky-001|subsidy</c>), so a school has one decision of each kind per period;
/// columns <c>SchoolId</c>, <c>Kind</c>, <c>Amount</c> (roubles, a double), <c>MentorId</c>, <c>Comment</c>,
/// <c>DecidedBy</c>, <c>DecidedAt</c>. Writes are conditional on the version read (<see cref="StoredSupportDecision.ETag"/>):
/// after a concurrent change the later write does nothing and says so (<c>false</c>) instead of overwriting it.
/// What changed and who changed it is kept in <see cref="SupportAuditTable"/>.
/// </summary>
public sealed class SupportDecisionTable(StorageAccount account)
{
    private readonly TableClient _table = account.Tables.GetTableClient(account.Options.SupportDecisionsTable);

    /// <summary>The decision of <paramref name="kind"/> for the school in the period, or <c>null</c>.</summary>
    public async Task<StoredSupportDecision?> GetAsync(Period period, SchoolId schoolId, SupportKind kind, CancellationToken cancellationToken = default)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(period.ToString(), RowKeyOf(schoolId, kind), cancellationToken: cancellationToken);
        return found.HasValue ? new StoredSupportDecision(FromEntity(found.Value!), found.Value!.ETag.ToString()) : null;
    }

    /// <summary>Every decision of the period, by school id then kind.</summary>
    public async Task<IReadOnlyList<SupportDecision>> ListAsync(Period period, CancellationToken cancellationToken = default)
    {
        var decisions = await _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {period.ToString()}"), cancellationToken: cancellationToken)
            .Select(FromEntity).ToListAsync(cancellationToken);
        return [.. decisions.OrderBy(decision => decision.SchoolId).ThenBy(decision => decision.Kind)];
    }

    /// <summary>
    /// Writes <paramref name="decision"/>: a new one when <paramref name="replacing"/> is <c>null</c>, else in place of
    /// that version. <c>false</c>, and nothing written, when one was recorded meanwhile or the version changed since.
    /// </summary>
    public async Task<bool> WriteAsync(SupportDecision decision, StoredSupportDecision? replacing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var entity = ToEntity(decision);
        try
        {
            if (replacing is null)
            {
                await _table.AddEntityAsync(entity, cancellationToken);
            }
            else
            {
                await _table.UpdateEntityAsync(entity, new ETag(replacing.ETag), TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Deletes the version <paramref name="stored"/> of a decision; <c>false</c>, and nothing deleted, when it changed or went since.</summary>
    public async Task<bool> DeleteAsync(StoredSupportDecision stored, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var decision = stored.Decision;
        try
        {
            await _table.DeleteEntityAsync(decision.Period.ToString(), RowKeyOf(decision.SchoolId, decision.Kind), new ETag(stored.ETag), cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            return false;
        }
    }

    private static string RowKeyOf(SchoolId schoolId, SupportKind kind) => $"{schoolId}|{kind.ToKey()}";

    private static TableEntity ToEntity(SupportDecision decision) => new(decision.Period.ToString(), RowKeyOf(decision.SchoolId, decision.Kind))
    {
        ["SchoolId"] = decision.SchoolId.ToString(),
        ["Kind"] = decision.Kind.ToKey(),
        ["Amount"] = (double?)decision.Amount,
        ["MentorId"] = decision.MentorId?.ToString(),
        ["Comment"] = TableText.Cut(decision.Comment),
        ["DecidedBy"] = TableText.Cut(decision.DecidedBy),
        ["DecidedAt"] = decision.DecidedAt,
    };

    private static SupportDecision FromEntity(TableEntity entity) => new(
        Period.Parse(entity.PartitionKey),
        SchoolId.Parse(entity.GetString("SchoolId")),
        SupportKinds.TryParse(entity.GetString("Kind"), out var kind) ? kind : throw new FormatException($"'{entity.GetString("Kind")}' is not a kind of support."),
        entity.GetDouble("Amount") is { } amount ? decimal.Round((decimal)amount, 2) : null,
        entity.GetString("MentorId") is { Length: > 0 } mentor ? SchoolId.Parse(mentor) : null,
        entity.GetString("Comment") ?? string.Empty,
        entity.GetString("DecidedBy") ?? string.Empty,
        entity.GetDateTimeOffset("DecidedAt") ?? DateTimeOffset.MinValue);
}
