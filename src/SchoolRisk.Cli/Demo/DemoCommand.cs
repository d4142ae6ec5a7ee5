using System.CommandLine;
using Microsoft.Extensions.Logging;
using SchoolRisk.Application.Views;
using SchoolRisk.Cli.Samples;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.LocalHost;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.ServiceBus;
using SchoolRisk.Storage.Uploads;
using Spectre.Console;

namespace SchoolRisk.Cli.Demo;

/// <summary>
/// The main job on local defaults: start Azurite, the function app and the local host; upload the previous period of
/// three municipalities, then the sample file of each of the 18; wait for every upload's outcome and every notice; record
/// the committee's sample support decisions and federal list; upload the next period of the three municipalities; print
/// zones per municipality, where the data now lives, and the management cycle (<see cref="DemoManagementCycle"/>).
/// </summary>
public static class DemoCommand
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    public static Command Create()
    {
        var keepRunning = new Option<bool>("--keep-running") { Description = "Keep the local stack running after the report, until Ctrl+C." };
        var command = new Command("demo", "Run the workflow locally on the sample data of the 18 municipalities.") { keepRunning };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(keepRunning), cancellationToken));
        return command;
    }

    /// <summary>Uploads every file under <c>uploads/{period}/</c> with its path as the blob name; returns how many.</summary>
    private static async Task<int> UploadFolderAsync(UploadBlobs blobs, string uploads, string period, CancellationToken cancellationToken)
    {
        var files = Directory.EnumerateFiles(Path.Combine(uploads, period), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            await using var content = File.OpenRead(file);
            await blobs.UploadAsync(Path.GetRelativePath(uploads, file).Replace('\\', '/'), content, cancellationToken);
        }

        return files.Count;
    }

    private static async Task<int> RunAsync(bool keepRunning, CancellationToken cancellationToken)
    {
        var root = RepositoryLayout.FindRoot(Directory.GetCurrentDirectory());
        var samples = Path.Combine(root, "samples");
        var azuriteData = Path.Combine(root, ".azurite");

        // The demo starts over from an empty .azurite; another demo still running on it (--keep-running) would lose its
        // storage under it. The lock file's lock (flock on Unix) ends with the process that holds it, however it ends.
        FileStream inUse;
        try
        {
            inUse = new FileStream(Path.Combine(root, ".azurite.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            AnsiConsole.MarkupLine($"[red]Another demo is running on {Markup.Escape(azuriteData)}[/] (perhaps with --keep-running): stop it (Ctrl+C) first.");
            return 1;
        }

        await using var heldUntilExit = inUse;
        if (Directory.Exists(azuriteData))
        {
            Directory.Delete(azuriteData, recursive: true);
        }

        using var loggers = LoggerFactory.Create(logging => logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        AnsiConsole.MarkupLine("[bold]Starting[/] Azurite, the function app and the local host...");
        await using var deployment = await LocalDeployment.StartAsync(root, azuriteData, LogLevel.Warning, loggers, cancellationToken);

        await using (var registryFile = File.OpenRead(Path.Combine(samples, "registry", "schools.csv")))
        {
            await new SchoolRegistryBlob(deployment.Storage).UploadAsync(registryFile, cancellationToken);
        }

        await using (var recipientsFile = File.OpenRead(Path.Combine(samples, "registry", "recipients.csv")))
        {
            await new RecipientListBlob(deployment.Storage).UploadAsync(recipientsFile, cancellationToken);
        }

        var uploads = Path.Combine(samples, "uploads");
        var blobs = new UploadBlobs(deployment.Storage);
        var previous = await UploadFolderAsync(blobs, uploads, SampleRegion.PreviousPeriod, cancellationToken);
        AnsiConsole.MarkupLine($"Registry of schools written to [blue]registry/schools.csv[/]; uploaded the previous period's [bold]{previous}[/] files; waiting for them...");
        await DemoOutcome.WaitAsync(deployment.Storage, Period.Parse(SampleRegion.PreviousPeriod), previous, Deadline, cancellationToken);
        var current = await UploadFolderAsync(blobs, uploads, SampleRegion.Period, cancellationToken);
        AnsiConsole.MarkupLine($"Uploaded [bold]{current}[/] files of {SampleRegion.Period} to the [blue]uploads[/] container; waiting for evaluation and notices...");
        var outcome = await DemoOutcome.WaitAsync(deployment.Storage, Period.Parse(SampleRegion.Period), current, Deadline, cancellationToken);
        var committeeKey = await deployment.Keys.SetAsync(null, AccessScope.CommitteeKey, cancellationToken: cancellationToken);
        var decisions = await DemoManagementCycle.RecordSupportAsync(deployment, samples, committeeKey, cancellationToken);
        var federalStored = await DemoManagementCycle.UploadFederalListAsync(deployment, samples, Deadline, cancellationToken);
        var next = await UploadFolderAsync(blobs, uploads, SampleRegion.NextPeriod, cancellationToken);
        AnsiConsole.MarkupLine($"Recorded [bold]{decisions}[/] support decisions, stored the federal list of {SampleRegion.Period}" +
            $"{(federalStored ? string.Empty : " [red](not stored in time)[/]")}, uploaded [bold]{next}[/] files of {SampleRegion.NextPeriod}; waiting for them...");
        var nextOutcome = await DemoOutcome.WaitAsync(deployment.Storage, Period.Parse(SampleRegion.NextPeriod), next, Deadline, cancellationToken);
        SchoolRegistry registry;
        await using (var content = File.OpenRead(Path.Combine(samples, "registry", "schools.csv")))
        {
            registry = await SchoolRegistry.ReadCsvAsync(content, "schools.csv", cancellationToken);
        }

        IReadOnlyList<SubscriptionCount> subscriptions;
        await using (var topic = NoticeTopic.Connect(deployment.ServiceBusConnectionString, new NoticeTopicOptions()))
        {
            subscriptions = await topic.CountsAsync(cancellationToken);
        }

        DemoReport.Print(outcome, SampleRegion.Municipalities, registry, await deployment.Mail.ListAsync(cancellationToken), subscriptions, azuriteData, deployment);
        await DemoManagementCycle.PrintAsync(deployment, committeeKey, cancellationToken);

        if (keepRunning)
        {
            var adminKey = await deployment.Keys.SetAsync(null, AccessScope.RulesAdministratorKey, cancellationToken: cancellationToken);
            AnsiConsole.MarkupLine("\nRunning. Storage connection string (one line):");
            Console.WriteLine(deployment.ConnectionString);
            AnsiConsole.MarkupLine("Service Bus connection string (for [grey]schoolrisk notices receive --service-bus[/], or set it as ServiceBus):");
            Console.WriteLine(deployment.ServiceBusConnectionString);
            var municipalityKey = await deployment.Keys.SetAsync(null, AccessScope.MunicipalityKeyPrefix + "gatchinsky", cancellationToken: cancellationToken);
            AnsiConsole.MarkupLine($"Risk map page: [blue]{deployment.HttpUrl}api/site/[/]");
            Console.WriteLine($"  committee key (the whole region): {committeeKey}");
            Console.WriteLine($"  Gatchina's key (its own schools only): {municipalityKey}");
            Console.WriteLine($"  rules administrator's key (the rules, the region read-only): {adminKey}");
            AnsiConsole.MarkupLine($"HTTP functions on [blue]{deployment.HttpUrl}api/[/]; rule preview with the [grey]{AccessScope.RulesAdministratorKey}[/] key:");
            Console.WriteLine(
                $"  curl -X POST -H 'x-functions-key: {adminKey}' --data \"{{\\\"files\\\": {{\\\"exams.json\\\": $(cat rules/exams.json)}}}}\" {deployment.HttpUrl}api/rules/preview/{SampleRegion.Period}");
            AnsiConsole.MarkupLine("Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                AnsiConsole.MarkupLine("Stopping.");
            }
        }

        return outcome.Complete && nextOutcome.Complete && federalStored ? 0 : 1;
    }
}
