using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Cli;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads.Writing;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Uploads;
using Spectre.Console;

namespace SchoolRisk.Benchmarks.Pipeline;

/// <summary>
/// Scale-out: municipalities of the national set upload their files all at once through the local host, first to one
/// function app instance, then to two instances competing for the same queues (a fresh deployment each). Times the
/// burst to every upload's results and to a quiet system (every queue empty, every notice delivered), and checks that
/// nothing was done twice: one result row per school, each from its municipality's upload; one notice per upload; one
/// letter per notice and address (no Message-ID twice).
/// </summary>
public static class ScaleOut
{
    /// <summary>The default burst: a tenth of the national set, a few minutes; pass 2000 for the whole country.</summary>
    public const int DefaultMunicipalities = 200;

    private const int UploadsAtOnce = 16;
    private static readonly Period Period = Period.Parse("2023-2024");
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(30);

    /// <summary>How often progress is polled: each poll lists the period's statuses and notices, work Azurite does beside the burst.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly string[] Queues = [QueueNames.UploadEvents, QueueNames.PeriodRecalculations, QueueNames.RiskNotifications, QueueNames.NoteRequests];

    public static async Task<int> RunAsync(int municipalities)
    {
        var ruleSet = await RuleSet.LoadAsync(await RuleFiles.ReadDirectoryAsync(Repository.Rules));
        var schools = NationalData.Generate(ruleSet.ZoneRules, municipalities * NationalData.SchoolsPerMunicipality);
        var files = new Dictionary<string, byte[]>();
        foreach (var municipality in schools.GroupBy(pair => pair.MunicipalityId))
        {
            files[municipality.Key] = await CsvAsync([.. municipality.Select(pair => pair.School)], municipality.Key);
        }

        var table = new Table().Title($"{municipalities:N0} municipalities ({schools.Count:N0} schools) uploading at once through the local host")
            .AddColumn("instances").AddColumn("all results", c => c.RightAligned()).AddColumn("uploads/s", c => c.RightAligned())
            .AddColumn("quiet (notices delivered)", c => c.RightAligned()).AddColumn("letters", c => c.RightAligned()).AddColumn("done twice", c => c.RightAligned());
        var failed = false;
        foreach (var instances in new[] { 1, 2 })
        {
            var run = await RunOnceAsync(instances, schools, files);
            table.AddRow($"{instances}", $"{run.Results.TotalSeconds:0.0} s", $"{municipalities / run.Results.TotalSeconds:0.0}", $"{run.Quiet.TotalSeconds:0.0} s", $"{run.Letters:N0}",
                run.Duplicates.Count == 0 ? "none" : $"[red]{Markup.Escape(string.Join("; ", run.Duplicates))}[/]");
            failed |= run.Duplicates.Count > 0;
        }

        AnsiConsole.Write(table);
        return failed ? 1 : 0;
    }

    private static async Task<(TimeSpan Results, TimeSpan Quiet, int Letters, IReadOnlyList<string> Duplicates)> RunOnceAsync(
        int instances, IReadOnlyList<(string MunicipalityId, SchoolRow School)> schools, IReadOnlyDictionary<string, byte[]> files)
    {
        using var loggers = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Warning));
        await using var deployment = await LocalDeployment.StartAsync(Repository.Root, null, LogLevel.Warning, loggers, CancellationToken.None);
        for (var more = 1; more < instances; more++)
        {
            await deployment.AddInstanceAsync(CancellationToken.None);
        }

        await new SchoolRegistryBlob(deployment.Storage).UploadAsync(new MemoryStream(Registry(schools)));
        await new RecipientListBlob(deployment.Storage).UploadAsync(new MemoryStream(Recipients(files.Keys)));
        var blobs = new UploadBlobs(deployment.Storage);
        var statuses = new UploadStatusTable(deployment.Storage);
        var notices = new NotificationTable(deployment.Storage, TimeProvider.System);

        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = UploadsAtOnce }, async (file, token) =>
            await blobs.UploadAsync($"{Period}/{file.Key}/schools.csv", new MemoryStream(file.Value), token));
        await UntilAsync(async () => await statuses.ListAsync(Period).CountAsync(record => record.Status == UploadStatus.Completed) is var completed && completed == files.Count
            ? null
            : $"{completed} of {files.Count} uploads completed");
        var results = clock.Elapsed;
        await UntilAsync(async () =>
        {
            var pending = await Task.WhenAll(Queues.Select(async queue => (Queue: queue, Count: await deployment.Storage.PendingMessagesAsync(queue))));
            var undelivered = await notices.ListAsync(Period).Where(notice => notice.Status != NoticeStatus.Delivered).ToListAsync();
            return pending.All(queue => queue.Count == 0) && undelivered.Count == 0
                ? null
                : $"pending {string.Join(", ", pending.Select(queue => $"{queue.Queue} {queue.Count}"))}; not delivered: {string.Join(", ", undelivered.Take(5).Select(notice => $"{notice.Kind} {notice.MunicipalityId} {notice.Status} {notice.Reason}"))}";
        });
        var quiet = clock.Elapsed;

        var letters = await deployment.Mail.ListAsync();
        return (results, quiet, letters.Count, await DuplicatesAsync(deployment, files.Count, schools.Count, letters));
    }

    private static async Task<IReadOnlyList<string>> DuplicatesAsync(
        LocalDeployment deployment, int uploads, int schools, IReadOnlyList<SchoolRisk.LocalHost.MailDev.ReceivedMail> letters)
    {
        var found = new List<string>();
        var completed = await new UploadStatusTable(deployment.Storage).ListAsync(Period).Where(record => record.Status == UploadStatus.Completed)
            .ToDictionaryAsync(record => record.MunicipalityId!.Value.ToString(), record => record.UploadId.ToString());
        var rows = await deployment.Storage.Tables.GetTableClient(deployment.Storage.Options.ResultsTable)
            .QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey", "MunicipalityId", "UploadId"]).ToListAsync();
        if (rows.Count != schools || rows.DistinctBy(row => (row.PartitionKey, row.RowKey)).Count() != schools)
        {
            found.Add($"{rows.Count} result rows for {schools} schools");
        }

        if (rows.Count(row => completed.GetValueOrDefault(row.GetString("MunicipalityId")) != row.GetString("UploadId")) is > 0 and var foreign)
        {
            found.Add($"{foreign} rows not from their municipality's upload");
        }

        var recorded = await new NotificationTable(deployment.Storage, TimeProvider.System).ListAsync(Period)
            .Where(notice => notice.Kind == Domain.Notices.NoticeKind.Evaluated).ToListAsync();
        if (recorded.Count != uploads || recorded.DistinctBy(notice => notice.UploadId).Count() != uploads)
        {
            found.Add($"{recorded.Count} upload notices for {uploads} uploads");
        }

        if (letters.GroupBy(letter => (letter.MessageId, string.Join(",", letter.To))).FirstOrDefault(group => group.Count() > 1) is { } twice)
        {
            found.Add($"letter {twice.Key.MessageId} to {twice.Key.Item2} received {twice.Count()} times");
        }

        return found;
    }

    private static async Task<byte[]> CsvAsync(IReadOnlyList<SchoolRow> schools, string municipalityId)
    {
        var registered = schools.Select(school => Registered(school, municipalityId)).ToList();
        var byId = schools.ToDictionary(school => school.SchoolId);
        var sheet = UploadSheet.For(registered, (school, indicator) => indicator.ValueOf(byId[school.Id].Indicators), russianHeaders: false, null);
        using var content = new MemoryStream();
        await UploadSheetFiles.WriteCsvAsync(sheet, content, Encoding.UTF8, ',', CultureInfo.InvariantCulture);
        return content.ToArray();
    }

    private static RegisteredSchool Registered(SchoolRow school, string municipalityId) =>
        new(school.SchoolId, school.SchoolName, Domain.Municipalities.MunicipalityId.Parse(municipalityId), "secondary", "urban", false, 500);

    private static byte[] Registry(IReadOnlyList<(string MunicipalityId, SchoolRow School)> schools)
    {
        var registry = new StringBuilder("school_id,school_name,municipality_id,level,settlement,remote,enrolment\n");
        foreach (var (municipalityId, school) in schools)
        {
            registry.Append(CultureInfo.InvariantCulture, $"{school.SchoolId},{school.SchoolName},{municipalityId},secondary,urban,no,500\n");
        }

        return Encoding.UTF8.GetBytes(registry.ToString());
    }

    private static byte[] Recipients(IEnumerable<string> municipalityIds)
    {
        var directory = new StringBuilder("recipient_id,name,email,webhook_url,webhook_secret\ncommittee,Комитет,committee@edu.example.ru,,\n");
        foreach (var id in municipalityIds)
        {
            directory.Append(CultureInfo.InvariantCulture, $"{id},Муниципалитет {id},{id}@edu.example.ru,,\n");
        }

        return Encoding.UTF8.GetBytes(directory.ToString());
    }

    /// <param name="pending">What is not done yet, or <c>null</c> when all is.</param>
    private static async Task UntilAsync(Func<Task<string?>> pending)
    {
        var clock = Stopwatch.StartNew();
        while (await pending() is { } left)
        {
            if (clock.Elapsed > Deadline)
            {
                throw new TimeoutException($"Not done after {Deadline}: {left}.");
            }

            await Task.Delay(PollInterval);
        }
    }
}
