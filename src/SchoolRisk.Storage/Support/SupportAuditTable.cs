using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Support;

namespace SchoolRisk.Storage.Support;

/// <summary>
/// The audit trail of support decisions, append-only: partition the period, row key the moment written as
/// <c>yyyyMMddTHHmmss.fffffff</c> (UTC) and a random suffix, so entries list in the order they happened and never
/// collide; columns <c>Action</c>, <c>SchoolId</c>, <c>Kind</c>, <c>By</c>, <c>At</c>, <c>Before</c> and <c>After</c> (each
/// decision as JSON, absent for none). Entries are only ever inserted (an insert fails rather than overwrite); nothing
/// here updates or deletes one. The workflow writes the entry before it changes the decision, so every change that
/// happened is here (an entry whose decision write then failed names a change that did not happen: the decisions table is the state).
/// </summary>
public sealed class SupportAuditTable(StorageAccount account)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly TableClient _table = account.Tables.GetTableClient(account.Options.SupportAuditTable);

    /// <summary>Appends <paramref name="entry"/>.</summary>
    public async Task AppendAsync(SupportAuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var rowKey = string.Create(CultureInfo.InvariantCulture, $"{entry.At.UtcDateTime:yyyyMMdd'T'HHmmss.fffffff}_{Guid.NewGuid():N}");
        await _table.AddEntityAsync(
            new TableEntity(entry.Period.ToString(), rowKey)
            {
                ["Action"] = entry.Action.ToString(),
                ["SchoolId"] = entry.SchoolId.ToString(),
                ["Kind"] = entry.Kind.ToKey(),
                ["By"] = TableText.Cut(entry.By),
                ["At"] = entry.At,
                ["Before"] = entry.Before is { } before ? JsonSerializer.Serialize(StateOf(before), Json) : null,
                ["After"] = entry.After is { } after ? JsonSerializer.Serialize(StateOf(after), Json) : null,
            },
            cancellationToken);
    }

    /// <summary>Every entry of the period, oldest first.</summary>
    public async Task<IReadOnlyList<SupportAuditEntry>> ListAsync(Period period, CancellationToken cancellationToken = default) =>
        await _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {period.ToString()}"), cancellationToken: cancellationToken)
            .Select(entity =>
            {
                var school = SchoolId.Parse(entity.GetString("SchoolId"));
                var kind = SupportKinds.TryParse(entity.GetString("Kind"), out var parsed) ? parsed : throw new FormatException($"'{entity.GetString("Kind")}' is not a kind of support.");
                SupportDecision? Decision(string column) => entity.GetString(column) is { Length: > 0 } json
                    ? JsonSerializer.Deserialize<DecisionState>(json, Json)!.ToDecision(period, school, kind)
                    : null;
                return new SupportAuditEntry(
                    period, school, kind, Enum.Parse<SupportAuditAction>(entity.GetString("Action")), entity.GetString("By") ?? string.Empty,
                    entity.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue, Decision("Before"), Decision("After"));
            })
            .ToListAsync(cancellationToken);

    private static DecisionState StateOf(SupportDecision decision) =>
        new(decision.Amount, decision.MentorId?.ToString(), decision.Comment, decision.DecidedBy, decision.DecidedAt);

    /// <summary>What a <c>Before</c> or <c>After</c> column holds of a decision: all but its key.</summary>
    private sealed record DecisionState(decimal? Amount, string? MentorId, string Comment, string DecidedBy, DateTimeOffset DecidedAt)
    {
        public SupportDecision ToDecision(Period period, SchoolId school, SupportKind kind) =>
            new(period, school, kind, Amount, MentorId is { Length: > 0 } mentor ? SchoolId.Parse(mentor) : null, Comment, DecidedBy, DecidedAt);
    }
}
