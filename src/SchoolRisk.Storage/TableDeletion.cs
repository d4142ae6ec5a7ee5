using Azure.Data.Tables;

namespace SchoolRisk.Storage;

/// <summary>Deletes the rows of one partition that an upload other than the current one wrote.</summary>
internal static class TableDeletion
{
    private const int MaxBatch = 100;

    /// <summary>After a corrected upload only its rows are current: the partition's rows with another <c>UploadId</c> go, 100 per transaction.</summary>
    public static async Task DeleteOthersThanAsync(this TableClient table, string partition, string uploadId, CancellationToken cancellationToken)
    {
        var stale = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and UploadId ne {uploadId}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            stale.Add(entity);
        }

        foreach (var chunk in stale.Chunk(MaxBatch))
        {
            await table.SubmitTransactionAsync(chunk.Select(entity => new TableTransactionAction(TableTransactionActionType.Delete, entity)), cancellationToken);
        }
    }
}
