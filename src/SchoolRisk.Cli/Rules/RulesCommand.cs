using System.CommandLine;
using System.Text.Json;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Functions.Recalculate;
using SchoolRisk.Functions.Rules;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Rules;
using Spectre.Console;

namespace SchoolRisk.Cli.Rules;

/// <summary>
/// <c>rules</c>: rule set administration: <c>validate</c> a folder of rule files on the administrator's own machine (no
/// storage, no server), and against a storage account <c>list</c> activations and rejections, <c>diff</c> two versions,
/// <c>activate</c> a folder of rule files, <c>rollback</c> to an archived version, <c>preview</c> a candidate against a
/// stored period. Activation validates first; a candidate that fails changes nothing. Rule files that cannot be read
/// are reported as problems with exit code 1, never as a stack trace.
/// </summary>
public static class RulesCommand
{
    private static readonly StorageConnection Connection = new();

    private static readonly Option<string> By = new("--by") { Description = "Who makes the change (recorded).", DefaultValueFactory = _ => Environment.UserName };

    private static readonly Option<string> Reason = new("--reason") { Description = "Why (recorded).", Required = true };

    private static readonly Option<string?> Reevaluate = new("--reevaluate")
    {
        Description = "Once active, re-evaluate this period's stored results with it (for example 2023-2024); municipalities whose zones change get a notice that the rules changed.",
    };

    public static Command Create()
    {
        var command = new Command("rules", "Administer rule sets: validate, list, diff, activate, rollback, preview.");
        Connection.AddTo(command);
        command.Subcommands.Add(Validate());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Diff());
        command.Subcommands.Add(Activate());
        command.Subcommands.Add(Rollback());
        command.Subcommands.Add(Preview());
        return command;
    }

    /// <summary>
    /// <c>rules validate --from &lt;dir&gt;</c>: every check an activation makes that needs no stored data (shape, limits,
    /// expressions, test cases, thresholds covered by cases), on the administrator's own machine. Exit code 0 when the
    /// rule set is valid, 1 with every problem printed when not.
    /// </summary>
    private static Command Validate()
    {
        var folder = new Option<string>("--from") { Description = "Folder of rule files (*.json) to check.", Required = true };
        var command = new Command("validate", "Check a folder of rule files as an activation would, without storage or a server; exit code 1 when there are problems.") { folder };
        command.SetAction(async (parse, cancellationToken) => await ReportingProblemsAsync(async () =>
        {
            var files = await RuleFiles.ReadDirectoryAsync(parse.GetValue(folder)!, cancellationToken);
            var validation = await RuleSetValidation.ValidateAsync(files, cancellationToken);
            if (!validation.IsValid)
            {
                return Problems($"Правила не прошли проверку ({validation.Problems.Count}):", validation.Problems);
            }

            AnsiConsole.MarkupLine($"[green]Правила прошли проверку[/]: версия {validation.RuleSet!.Version}, файлов: {files.Count}, правил оценки показателей: {validation.RuleSet.ZoneRules.Count()}, рубрик: {validation.RuleSet.Rubrics.Count}.");
            return 0;
        }));
        return command;
    }

    /// <summary>Runs a command's work; rule files that cannot be read (a missing folder, say) are printed as problems with exit code 1.</summary>
    private static async Task<int> ReportingProblemsAsync(Func<Task<int>> work)
    {
        try
        {
            return await work();
        }
        catch (RuleSetException exception)
        {
            return Problems("Правила не прочитаны:", exception.Problems);
        }
    }

    private static int Problems(string title, IEnumerable<string> problems)
    {
        AnsiConsole.MarkupLine($"[red]{Markup.Escape(title)}[/]");
        foreach (var problem in problems)
        {
            AnsiConsole.MarkupLine($"  {Markup.Escape(problem)}");
        }

        return 1;
    }

    private static Command List()
    {
        var command = new Command("list", "List activated versions (newest first, the active one marked) and recent rejections.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var store = Store(parse);
            var active = await store.ActiveAsync(cancellationToken);
            var table = new Table().Title("Rule set activations").AddColumn("").AddColumn("Version").AddColumn("Activated (UTC)").AddColumn("By").AddColumn("Source").AddColumn("Reason");
            await foreach (var version in store.ListVersionsAsync(cancellationToken))
            {
                table.AddRow(version.Version == active?.Version ? "[green]active[/]" : "", version.Version, $"{version.ActivatedAt:yyyy-MM-dd HH:mm:ss}",
                    Markup.Escape(version.By), version.Source, Markup.Escape(version.Reason));
                active = version.Version == active?.Version ? null : active;
            }

            AnsiConsole.Write(table);
            await foreach (var rejection in store.ListRejectionsAsync(cancellationToken).Take(5))
            {
                AnsiConsole.MarkupLine($"[red]rejected[/] {rejection.At:yyyy-MM-dd HH:mm:ss} by {Markup.Escape(rejection.By)} ({Markup.Escape(rejection.Reason)}); {rejection.ActiveVersion} stayed active:");
                foreach (var problem in rejection.Problems)
                {
                    AnsiConsole.MarkupLine($"  {Markup.Escape(problem)}");
                }
            }

            return 0;
        });
        return command;
    }

    private static Command Diff()
    {
        var from = new Argument<string>("from") { Description = "Version to compare from." };
        var to = new Argument<string>("to") { Description = "Version to compare to." };
        var command = new Command("diff", "Show what changed between two archived versions.") { from, to };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var store = Store(parse);
            var lines = RuleDiff.Lines(await store.ReadVersionAsync(parse.GetValue(from)!, cancellationToken), await store.ReadVersionAsync(parse.GetValue(to)!, cancellationToken));
            foreach (var line in lines)
            {
                Console.WriteLine(line);
            }

            if (lines.Count == 0)
            {
                Console.WriteLine("No difference.");
            }

            return 0;
        });
        return command;
    }

    private static Command Activate()
    {
        var folder = new Option<string>("--from") { Description = "Folder of rule files (*.json) to activate.", Required = true };
        var command = new Command("activate", "Validate a folder of rule files and activate it; the rules container then holds it.") { folder, By, Reason, Reevaluate };
        command.SetAction(async (parse, cancellationToken) => await ReportingProblemsAsync(async () =>
        {
            var files = await RuleFiles.ReadDirectoryAsync(parse.GetValue(folder)!, cancellationToken);
            return await ActivateAsync(parse, files, new RuleChange(parse.GetValue(By)!, parse.GetValue(Reason)!, "cli", parse.GetValue(Reevaluate)), cancellationToken);
        }));
        return command;
    }

    private static Command Rollback()
    {
        var version = new Argument<string>("version") { Description = "An archived version to make active again." };
        var command = new Command("rollback", "Activate an earlier version again (a new, audited activation).") { version, By, Reason, Reevaluate };
        command.SetAction(async (parse, cancellationToken) => await ReportingProblemsAsync(async () =>
        {
            var files = await Store(parse).ReadVersionAsync(parse.GetValue(version)!, cancellationToken);
            return await ActivateAsync(parse, files, new RuleChange(parse.GetValue(By)!, parse.GetValue(Reason)!, "rollback", parse.GetValue(Reevaluate)), cancellationToken);
        }));
        return command;
    }

    private static Command Preview()
    {
        var folder = new Option<string?>("--from") { Description = "Folder of candidate rule files. Default: the files in the rules container." };
        var period = new Option<string>("--period") { Description = "Stored period to evaluate, for example 2023-2024.", Required = true };
        var command = new Command("preview", "Evaluate candidate rules against a stored period without activating them; list schools whose zone would change.") { folder, period };
        command.SetAction(async (parse, cancellationToken) => await ReportingProblemsAsync(async () =>
        {
            var account = Connection.Open(parse);
            var files = parse.GetValue(folder) is { } path
                ? await RuleFiles.ReadDirectoryAsync(path, cancellationToken)
                : await new RuleStore(account, TimeProvider.System).ReadEditableAsync(cancellationToken);
            var preview = await new RulePreview(new PeriodEvaluator(new ResultTable(account, TimeProvider.System), new RegistryStore(account)))
                .PreviewAsync(Period.Parse(parse.GetValue(period)!), files, cancellationToken);
            if (preview.Problems.Count > 0)
            {
                return Problems("Правила не прошли проверку; ничего не вычислено:", preview.Problems);
            }

            var table = new Table().Title($"Zones that rule set {preview.CandidateVersion} would change").AddColumn("Municipality").AddColumn("School").AddColumn("Now").AddColumn("Would be");
            foreach (var change in preview.Changes)
            {
                table.AddRow(change.MunicipalityId, Markup.Escape($"{change.SchoolId} {change.SchoolName}"), change.Stored.ToString(), change.Candidate.ToString());
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"{preview.Changes.Count} of {preview.SchoolsEvaluated} schools would change zone. Nothing was activated.");
            return 0;
        }));
        return command;
    }

    private static async Task<int> ActivateAsync(ParseResult parse, IReadOnlyList<RuleFile> files, RuleChange change, CancellationToken cancellationToken)
    {
        var account = Connection.Open(parse);
        var store = new RuleStore(account, TimeProvider.System);
        var activation = await store.ActivateAsync(files, change, cancellationToken);
        switch (activation.Outcome)
        {
            case RuleActivationOutcome.Rejected:
                return Problems($"Правила отклонены; действует прежняя версия {activation.ActiveVersion}:", activation.Problems);
            case RuleActivationOutcome.Unchanged:
                AnsiConsole.MarkupLine($"Version {activation.ActiveVersion} is already active.");
                return 0;
            default:
                // The activation is done; written without the re-evaluation request so the container's event does not ask twice.
                await store.WriteEditableAsync(files, change with { ReevaluatePeriod = null }, cancellationToken);
                AnsiConsole.MarkupLine($"[green]Activated[/] {activation.ActiveVersion}; running function apps use it from their next invocation.");
                if (change.ReevaluatePeriod is { } period)
                {
                    await account.Queues.GetQueueClient("period-recalculations").SendMessageAsync(
                        JsonSerializer.Serialize(new RecalculationRequest(Period.Parse(period).ToString(), activation.ActiveVersion, TimeProvider.System.GetUtcNow()), JsonSerializerOptions.Web), cancellationToken);
                    AnsiConsole.MarkupLine($"Re-evaluation of {period} queued.");
                }

                return 0;
        }
    }

    private static RuleStore Store(ParseResult parse) =>
        new(Connection.Open(parse), TimeProvider.System);
}
