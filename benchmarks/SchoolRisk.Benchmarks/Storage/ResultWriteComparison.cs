using System.Diagnostics;
using Azure.Data.Tables;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Zones;
using SchoolRisk.LocalHost.Azurite;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Results;
using Spectre.Console;

namespace SchoolRisk.Benchmarks.Storage;

/// <summary>
/// Results written per second to a fresh Azurite: the product's <see cref="ResultTable.UpsertAsync"/>, one
/// municipality's upload at a time, against a raw loop submitting the same entities in transactions of 100 per
/// partition to another table, in the same run; one municipality at a time and eight at a time, each writer twice
/// (time: the mean of the two).
/// </summary>
public static class ResultWriteComparison
{
    private const int Parallel = 8;

    public static async Task<int> RunAsync(int schools)
    {
        await using var azurite = await AzuriteServer.StartAsync(new AzuriteOptions { RepositoryRoot = Repository.Root });
        var account = new StorageAccount(new StorageOptions { ConnectionString = azurite.ConnectionString });
        await account.EnsureCreatedAsync();
        var uploads = await UploadsAsync(schools);
        var results = new ResultTable(account, TimeProvider.System);
        var evaluatedAt = TimeProvider.System.GetUtcNow();
        var raw = account.Tables.GetTableClient("rawresults");
        await raw.CreateIfNotExistsAsync();
        var batches = uploads.Select(upload => ResultTable.EntitiesOf(upload, evaluatedAt).Chunk(100).ToList()).ToList();

        var table = new Table().Title($"Writing {schools:N0} results ({uploads.Count:N0} municipalities) to Azurite")
            .AddColumn("writer").AddColumn("municipalities at a time", c => c.RightAligned()).AddColumn("time", c => c.RightAligned())
            .AddColumn("results/s", c => c.RightAligned()).AddColumn("÷ raw", c => c.RightAligned());
        foreach (var degree in new[] { 1, Parallel })
        {
            // Azurite slows as it holds more: raw, product, product, raw, so drift weighs on both alike.
            var rawTime = TimeSpan.Zero;
            var productTime = TimeSpan.Zero;
            foreach (var rawTurn in new[] { true, false, false, true })
            {
                if (rawTurn)
                {
                    rawTime += await TimeAsync(batches, degree, async (chunks, cancellationToken) => await WriteRawAsync(raw, chunks, cancellationToken));
                }
                else
                {
                    productTime += await TimeAsync(uploads, degree, async (upload, cancellationToken) => await results.UpsertAsync(upload, cancellationToken));
                }
            }

            table.AddRow("raw batch loop", $"{degree}", $"{rawTime.TotalSeconds / 2:0.00} s", $"{2 * schools / rawTime.TotalSeconds:N0}", "1.00");
            table.AddRow("ResultTable.UpsertAsync", $"{degree}", $"{productTime.TotalSeconds / 2:0.00} s", $"{2 * schools / productTime.TotalSeconds:N0}", $"{rawTime / productTime:0.00}");
        }

        AnsiConsole.Write(table);
        return 0;
    }

    /// <summary>The national schools evaluated with the repository's rules, as one upload per municipality.</summary>
    public static async Task<IReadOnlyList<EvaluatedUpload>> UploadsAsync(int schools)
    {
        var ruleSet = await RuleSet.LoadAsync(await RuleFiles.ReadDirectoryAsync(Repository.Rules));
        var evaluator = new SchoolEvaluator(ruleSet, OverallZonePolicy.Default);
        var period = Period.Parse("2023-2024");
        return [.. NationalData.Generate(ruleSet.ZoneRules, schools).GroupBy(pair => pair.MunicipalityId).Select(municipality => new EvaluatedUpload(
            new UploadPath(period, Domain.Municipalities.MunicipalityId.Parse(municipality.Key), "schools.csv"), UploadId.For("bench", municipality.Key), ruleSet.Version,
            [.. municipality.Select(pair => evaluator.Evaluate(pair.School))]))];
    }

    /// <summary>The raw loop: each chunk of entities (one partition, at most 100) upserted in one transaction, one after another.</summary>
    public static async Task WriteRawAsync(TableClient table, IEnumerable<TableEntity[]> chunks, CancellationToken cancellationToken = default)
    {
        foreach (var chunk in chunks)
        {
            await table.SubmitTransactionAsync(chunk.Select(entity => new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity)), cancellationToken);
        }
    }

    private static async Task<TimeSpan> TimeAsync<T>(IReadOnlyList<T> items, int degree, Func<T, CancellationToken, ValueTask> write)
    {
        var clock = Stopwatch.StartNew();
        await System.Threading.Tasks.Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = degree }, write);
        return clock.Elapsed;
    }
}
