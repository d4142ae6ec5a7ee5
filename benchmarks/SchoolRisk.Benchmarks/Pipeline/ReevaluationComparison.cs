using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Application.Notes;
using SchoolRisk.Application.Recalculation;
using SchoolRisk.Application.Rules;
using SchoolRisk.Application.Support;
using SchoolRisk.Benchmarks.Storage;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.LocalHost.Azurite;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Municipalities;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Reports;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Rules;
using SchoolRisk.Storage.Support;
using Spectre.Console;

namespace SchoolRisk.Benchmarks.Pipeline;

/// <summary>
/// Re-evaluation of a stored national period after a rule change, on a fresh Azurite. The period is stored as the
/// product stores it (uploads, then a regional recalculation with the repository's rules); then an administrator's edit
/// is activated (the high threshold of «ЕГЭ ниже минимального балла» lowered from 10 to 8, its boundary test cases
/// moved with it) and the product re-evaluates: <see cref="RegionalRecalculation"/> (read every input, evaluate,
/// classify, assess, rewrite results and summaries, write the rules-changed notices) and the queueing of its notice
/// messages, as the Functions host's output binding does; the analytical notes, written apart by <c>WriteNotes</c>
/// afterwards, are timed on their own. The baseline is a raw batch-write
/// loop of the very entities the re-evaluation writes, into a table that holds the period as stored, so it replaces
/// rows as the re-evaluation does; it runs before and after the product (Azurite slows as it fills) and counts as the mean.
/// </summary>
public static class ReevaluationComparison
{
    private const string EditedRule = "ege_below_min_share.high";
    private const string NoticeQueue = QueueNames.RiskNotifications;

    public static async Task<int> RunAsync(int schools)
    {
        await using var azurite = await AzuriteServer.StartAsync(new AzuriteOptions { RepositoryRoot = Repository.Root });
        var account = new StorageAccount(new StorageOptions { ConnectionString = azurite.ConnectionString });
        await account.EnsureCreatedAsync();
        var uploads = await ResultWriteComparison.UploadsAsync(schools);
        var period = uploads[0].Path.Period;
        var repositoryRules = await RuleFiles.ReadDirectoryAsync(Repository.Rules);
        await SeedAsync(account, uploads, repositoryRules);

        var results = new ResultTable(account, TimeProvider.System);
        foreach (var upload in uploads)
        {
            await results.UpsertAsync(upload);
        }

        var registry = new SchoolRegistryBlob(account);
        using var rules = new RuleSetProvider(new RuleStore(account, TimeProvider.System), TimeProvider.System, NullLogger<RuleSetProvider>.Instance);
        var periods = new PeriodEvaluator(results, registry);
        var municipalities = new MunicipalityTable(account, TimeProvider.System);
        var locks = new RecalculationLock(account, TimeProvider.System);
        var decisions = new SupportDecisionTable(account);
        var recalculation = new RegionalRecalculation(
            results, new RegionSnapshotBlobs(account), municipalities, periods, rules, locks, new NoticeBlobs(account), decisions, TimeProvider.System,
            NullLogger<RegionalRecalculation>.Instance);
        var notes = new AnalyticalNoteWriter(
            results, municipalities, rules, locks, new ReportBlobs(account), new RecipientListBlob(account), new SupportEffectQuery(decisions, results, registry), decisions);
        var clock = Stopwatch.StartNew();
        await recalculation.RunAsync(period, null, null, CancellationToken.None);
        var firstTime = clock.Elapsed;

        var edited = await ActivateAsync(account, Edited(repositoryRules));
        var candidate = await RuleSet.LoadAsync(Edited(repositoryRules));
        clock.Restart();
        var reevaluated = await periods.EvaluateAsync(period, candidate, CancellationToken.None);
        var readAndEvaluateTime = clock.Elapsed;
        var evaluatedAt = TimeProvider.System.GetUtcNow();
        var entities = reevaluated.Schools.GroupBy(pair => (pair.Stored.MunicipalityId, pair.Stored.UploadId))
            .SelectMany(municipality => ResultTable.EntitiesOf(
                new EvaluatedUpload(new UploadPath(period, municipality.Key.MunicipalityId, string.Empty), municipality.Key.UploadId, candidate.Version,
                    [.. municipality.Select(pair => pair.Evaluation)]),
                evaluatedAt).Chunk(100))
            .ToList();

        var raw = account.Tables.GetTableClient("rawresults");
        await raw.CreateIfNotExistsAsync();
        clock.Restart();
        await ResultWriteComparison.WriteRawAsync(raw, StoredEntities(account));
        var rawInsertTime = clock.Elapsed;

        clock.Restart();
        await ResultWriteComparison.WriteRawAsync(raw, entities);
        var rawTime = clock.Elapsed;

        clock.Restart();
        var outcome = await recalculation.RunAsync(period, edited, null, CancellationToken.None);
        var notices = outcome.Notices;
        var recalculationTime = clock.Elapsed;
        var queue = account.Queues.GetQueueClient(NoticeQueue);
        await queue.CreateIfNotExistsAsync();
        foreach (var notice in notices)
        {
            // As the output binding writes them: one message each, the JSON as is (host.json's messageEncoding none).
            await queue.SendMessageAsync(MessageJson.Serialize(notice));
        }

        var productTime = clock.Elapsed;
        clock.Restart();
        var notesWritten = await notes.WriteAsync(period, outcome.StartedAt!.Value, CancellationToken.None);
        var notesTime = clock.Elapsed;

        clock.Restart();
        await ResultWriteComparison.WriteRawAsync(raw, entities);
        var rawMean = (rawTime + clock.Elapsed) / 2;

        var table = new Table().Title($"Re-evaluating a stored period of {reevaluated.Schools.Count:N0} schools ({uploads.Count:N0} municipalities) after a rule change, on Azurite")
            .AddColumn("what").AddColumn("time", c => c.RightAligned()).AddColumn("× raw writes", c => c.RightAligned());
        table.AddRow("raw batch-write loop replacing the stored rows with the re-evaluated ones (mean of before and after)", Seconds(rawMean), "1.00");
        table.AddRow("[bold]re-evaluation: RegionalRecalculation + queueing its notices[/]", Seconds(productTime), $"[bold]{productTime / rawMean:0.00}[/]");
        table.AddRow($"  of which queueing {notices.Count:N0} notice messages", Seconds(productTime - recalculationTime), $"{(productTime - recalculationTime) / rawMean:0.00}");
        table.AddRow("apart, after it (WriteNotes): every municipality's analytical note", Seconds(notesTime), $"{notesTime / rawMean:0.00}");
        table.AddRow("for reference: reading and evaluating the period alone (PeriodEvaluator)", Seconds(readAndEvaluateTime), $"{readAndEvaluateTime / rawMean:0.00}");
        table.AddRow("for reference: the same raw loop inserting the stored rows into an empty table", Seconds(rawInsertTime), $"{rawInsertTime / rawMean:0.00}");
        table.AddRow("for reference: the first recalculation after the uploads (every summary new)", Seconds(firstTime), $"{firstTime / rawMean:0.00}");
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine($"Rule edit: {EditedRule} threshold 10 → 8, activated as {edited}. {outcome.Summary} {notesWritten}");
        return 0;
    }

    private static string Seconds(TimeSpan time) => $"{time.TotalSeconds:0.00} s";

    /// <summary>The stored rows (the table holds only the benchmark's period), as the raw loop's starting point.</summary>
    private static IEnumerable<TableEntity[]> StoredEntities(StorageAccount account) =>
        account.Tables.GetTableClient(account.Options.ResultsTable)
            .Query<TableEntity>()
            .Select(entity => new TableEntity(entity))
            .GroupBy(entity => entity.PartitionKey)
            .SelectMany(partition => partition.Chunk(100));

    /// <summary>The repository's rules with <see cref="EditedRule"/>'s threshold lowered from 10 to 8 and its boundary test cases moved with it.</summary>
    private static IReadOnlyList<RuleFile> Edited(IReadOnlyList<RuleFile> files) =>
        [.. files.Select(file => file.Name == "exams.json" ? file with { Json = LowerThreshold(file.Json) } : file)];

    private static string LowerThreshold(string json)
    {
        var root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        foreach (var rule in root["Rules"]!.AsArray().Where(rule => (string?)rule!["RuleName"] == EditedRule))
        {
            rule!["Properties"]!["Threshold"] = 8;
        }

        foreach (var input in root["TestCases"]!.AsArray().Select(testCase => testCase!["Input"]!.AsObject()))
        {
            if (input["ege_below_min_share"] is JsonValue value && value.TryGetValue<decimal>(out var share) && share is 10m or 9.9m)
            {
                input["ege_below_min_share"] = share - 2;
            }
        }

        return root.ToJsonString();
    }

    private static async Task<RuleSetVersion?> ActivateAsync(StorageAccount account, IReadOnlyList<RuleFile> files)
    {
        // Validated as every activation is; the check on the stored period is what the benchmark then measures apart.
        var (ruleSet, problems) = await RuleCandidateCheck.ValidateAsync(files, CancellationToken.None);
        return ruleSet is null
            ? throw new InvalidOperationException(string.Join("; ", problems))
            : (await new RuleStore(account, TimeProvider.System).ActivateAsync(files, ruleSet, new RuleChange("benchmark", "national re-evaluation", "cli"))).ActiveVersion;
    }

    /// <summary>The registry of the national schools, an empty recipients directory, and the repository's rules activated.</summary>
    private static async Task SeedAsync(StorageAccount account, IReadOnlyList<EvaluatedUpload> uploads, IReadOnlyList<RuleFile> rules)
    {
        var registry = new StringBuilder("school_id,school_name,municipality_id,level,settlement,remote,enrolment\n");
        foreach (var upload in uploads)
        {
            foreach (var school in upload.Schools)
            {
                registry.Append(CultureInfo.InvariantCulture, $"{school.School.SchoolId},{school.School.SchoolName},{upload.Path.MunicipalityId},secondary,urban,no,500\n");
            }
        }

        await new SchoolRegistryBlob(account).UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes(registry.ToString())));
        await new RecipientListBlob(account).UploadAsync(new MemoryStream("recipient_id,name,email,webhook_url,webhook_secret\ncommittee,Комитет,committee@edu.example.ru,,\n"u8.ToArray()));
        await ActivateAsync(account, rules);
    }
}
