using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SchoolRisk.Benchmarks.Storage;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Functions.Recalculate;
using SchoolRisk.Functions.Rules;
using SchoolRisk.LocalHost.Azurite;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Municipalities;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Reports;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Rules;
using Spectre.Console;

namespace SchoolRisk.Benchmarks.Pipeline;

/// <summary>
/// Re-evaluation of a stored national period after a rule change: the product's <see cref="RegionalRecalculation"/>
/// (read every result, evaluate, classify, assess, rewrite results, municipal summaries and analytical notes) against a
/// raw batch-write loop of the same result entities, in the same run on a fresh Azurite.
/// </summary>
public static class ReevaluationComparison
{
    public static async Task<int> RunAsync(int schools)
    {
        await using var azurite = await AzuriteServer.StartAsync(new AzuriteOptions { RepositoryRoot = Repository.Root });
        var account = new StorageAccount(new StorageOptions { ConnectionString = azurite.ConnectionString });
        await account.EnsureCreatedAsync();
        var uploads = await ResultWriteComparison.UploadsAsync(schools);
        await SeedAsync(account, uploads);

        var results = new ResultTable(account, TimeProvider.System);
        foreach (var upload in uploads)
        {
            await results.UpsertAsync(upload with { RuleSetVersion = "before-the-change" });
        }

        var raw = account.Tables.GetTableClient("rawresults");
        await raw.CreateIfNotExistsAsync();
        var evaluatedAt = TimeProvider.System.GetUtcNow();
        var clock = Stopwatch.StartNew();
        await ResultWriteComparison.WriteRawAsync(raw, uploads.SelectMany(upload => ResultTable.EntitiesOf(upload, evaluatedAt).Chunk(100)));

        var rawTime = clock.Elapsed;
        using var rules = new RuleSetProvider(new RuleStore(account, TimeProvider.System), TimeProvider.System, NullLogger<RuleSetProvider>.Instance);
        var recalculation = new RegionalRecalculation(
            results, new MunicipalityTable(account, TimeProvider.System), new PeriodEvaluator(results, new RegistryStore(account)), rules,
            new RecalculationLock(account, TimeProvider.System), new ReportStore(account), new RecipientStore(account), TimeProvider.System,
            NullLogger<RegionalRecalculation>.Instance);
        clock.Restart();
        var (outcome, notices) = await recalculation.RunAsync(uploads[0].Path.Period, null, null, CancellationToken.None);
        var productTime = clock.Elapsed;

        var table = new Table().Title($"Re-evaluating a stored period of {schools:N0} schools ({uploads.Count:N0} municipalities) on Azurite")
            .AddColumn("what").AddColumn("time", c => c.RightAligned()).AddColumn("× raw writes", c => c.RightAligned());
        table.AddRow("raw batch-write loop of the same result entities", $"{rawTime.TotalSeconds:0.00} s", "1.00");
        table.AddRow("RegionalRecalculation: read, evaluate, classify, assess, write results, summaries, notes", $"{productTime.TotalSeconds:0.00} s", $"{productTime / rawTime:0.00}");
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine($"{outcome} Notices: {notices.Count}.");
        return 0;
    }

    /// <summary>The registry of the national schools, an empty recipients directory, and the repository's rules activated.</summary>
    private static async Task SeedAsync(StorageAccount account, IReadOnlyList<EvaluatedUpload> uploads)
    {
        var registry = new StringBuilder("school_id,school_name,municipality_id,level,settlement,remote,enrolment\n");
        foreach (var upload in uploads)
        {
            foreach (var school in upload.Schools)
            {
                registry.Append(System.Globalization.CultureInfo.InvariantCulture, $"{school.School.SchoolId},{school.School.SchoolName},{upload.Path.MunicipalityId},secondary,urban,no,500\n");
            }
        }

        await new RegistryStore(account).UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes(registry.ToString())));
        await new RecipientStore(account).UploadAsync(new MemoryStream("recipient_id,name,email,webhook_url,webhook_secret\n"u8.ToArray()));
        var activation = await new RuleStore(account, TimeProvider.System)
            .ActivateAsync(await RuleFiles.ReadDirectoryAsync(Repository.Rules), new RuleChange("benchmark", "national re-evaluation", "cli"));
        if (activation.Outcome == RuleActivationOutcome.Rejected)
        {
            throw new InvalidOperationException(string.Join("; ", activation.Problems));
        }
    }
}
