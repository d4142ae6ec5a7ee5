using System.CommandLine;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Application.Recalculation;
using SchoolRisk.Application.Rules;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Storage.Rules;
using Spectre.Console;

namespace SchoolRisk.Cli.Rules;

/// <summary>
/// <c>rules</c>: rule set administration, in Russian: <c>validate</c> a folder of rule files on the administrator's own
/// machine (no storage, no server), and against a storage account <c>list</c> activations and rejections,
/// <c>diff</c> two versions, <c>activate</c> a folder of rule files, <c>rollback</c> to an archived version, <c>preview</c>
/// a candidate against a stored period. Activation and rollback go through <see cref="RuleActivationWorkflow"/>, as the
/// <c>rules</c> container's edits do: validated, refused when a block would be removed without <c>--allow-removal</c>,
/// checked on the latest period's data; a candidate that fails changes nothing. Who acts is the signed-in Microsoft Entra
/// identity against Azure (<c>--account-name</c>), <c>--by</c> or the operating system's user against the local emulator.
/// Rule files that cannot be read (a missing folder, an archived version that is not there) are printed as problems
/// with exit code 1, never as a stack trace.
/// </summary>
public static class RulesCommand
{
    private static readonly StorageConnection Connection = new();

    private static readonly Option<string> By = new("--by")
    {
        Description = "Кто вносит изменение (записывается) — только для локального эмулятора; в Azure записывается вошедшая учётная запись Microsoft Entra.",
        DefaultValueFactory = _ => Environment.UserName,
    };

    private static readonly Option<string> Reason = new("--reason") { Description = "Зачем (записывается).", Required = true };

    private static readonly Option<string?> Reevaluate = new("--reevaluate")
    {
        Description = "После активации пересчитать хранимые результаты этого периода (например 2023-2024); муниципалитеты, у школ которых изменились зоны, получат уведомление об изменении правил.",
    };

    private static readonly Option<bool> AllowRemoval = new("--allow-removal")
    {
        Description = "Разрешить правке убрать то, что сейчас оценивается (файл правил, блок, правила показателя, рубрикатор, классификацию, интегральную оценку); без ключа такая правка отклоняется.",
    };

    public static Command Create()
    {
        var command = new Command("rules", "Наборы правил: проверка, список, сравнение, активация, откат, предпросмотр.");
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
        var folder = new Option<string>("--from") { Description = "Папка с файлами правил (*.json), которые нужно проверить.", Required = true };
        var command = new Command("validate", "Проверить папку файлов правил так, как их проверит активация, без хранилища и сервера; код выхода 1, если есть ошибки.") { folder };
        command.SetAction(async (parse, cancellationToken) => await ReportingProblemsAsync(async () =>
        {
            var files = await RuleFiles.ReadDirectoryAsync(parse.GetValue(folder)!, cancellationToken);
            var validation = await RuleSetValidation.ValidateAsync(files, cancellationToken);
            if (!validation.IsValid)
            {
                return Problems($"[red]Правила не прошли проверку ({validation.Problems.Count}):[/]", validation.Problems);
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
            return Problems("[red]Правила не прочитаны:[/]", exception.Problems);
        }
    }

    private static Command List()
    {
        var full = new Option<bool>("--full") { Description = "Напечатать полный текст каждой показанной отклонённой правки (из архива), а не первые замечания." };
        var command = new Command("list", "Активированные версии (новые сверху, действующая отмечена) и последние отклонённые правки.") { full };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var store = Store(parse);
            var active = await store.ActiveAsync(cancellationToken);
            var table = new Table().Title("Активации наборов правил").AddColumn("").AddColumn("Версия").AddColumn("Активирована (UTC)").AddColumn("Кто").AddColumn("Откуда").AddColumn("Причина");
            await foreach (var version in store.ListVersionsAsync(cancellationToken))
            {
                table.AddRow(version.Version == active?.Version ? "[green]действует[/]" : "", version.Version.ToString(), $"{version.ActivatedAt:yyyy-MM-dd HH:mm:ss}",
                    Markup.Escape(AuthorOrigins.Describe(version.By, version.ByOrigin)), Markup.Escape(version.Source), Markup.Escape(version.Reason));
                active = version.Version == active?.Version ? null : active;
            }

            AnsiConsole.Write(table);
            await foreach (var rejection in store.ListRejectionsAsync(cancellationToken).Take(5))
            {
                AnsiConsole.MarkupLine(
                    $"[red]отклонено[/] {rejection.At:yyyy-MM-dd HH:mm:ss} UTC, {Markup.Escape(AuthorOrigins.Describe(rejection.By, rejection.ByOrigin))} ({Markup.Escape(rejection.Reason)}); " +
                    (rejection.CandidateVersion is { } candidate ? $"отклонены файлы версии {candidate}; " : string.Empty) +
                    $"действующей осталась {rejection.ActiveVersion?.ToString() ?? "none"}; замечаний: {rejection.ProblemCount}" +
                    (rejection.ProblemsBlob is { } blob ? $"; полный текст: {Markup.Escape(blob)}" : string.Empty));
                if (parse.GetValue(full) && await store.ReadRejectionTextAsync(rejection, cancellationToken) is { } text)
                {
                    Console.WriteLine(text);
                    continue;
                }

                foreach (var problem in rejection.Problems.Take(ShownProblems))
                {
                    AnsiConsole.MarkupLine($"  {Markup.Escape(problem)}");
                }

                if (rejection.ProblemCount > ShownProblems)
                {
                    AnsiConsole.MarkupLine($"  … и ещё {rejection.ProblemCount - ShownProblems} — в полном тексте (rules list --full).");
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary>How many problems of a rejection <c>rules list</c> prints; the whole text is in the archive.</summary>
    private const int ShownProblems = 10;

    private static Command Diff()
    {
        var from = new Argument<string>("from") { Description = "Версия, с которой сравнивать." };
        var to = new Argument<string>("to") { Description = "Версия, с которой сравнивается первая." };
        var command = new Command("diff", "Что изменилось между двумя версиями из архива, файл за файлом.") { from, to };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var lines = RuleDiff.Lines(await ReadVersionAsync(parse, parse.GetValue(from)!, cancellationToken), await ReadVersionAsync(parse, parse.GetValue(to)!, cancellationToken));
            foreach (var line in lines)
            {
                Console.WriteLine(line);
            }

            if (lines.Count == 0)
            {
                Console.WriteLine("Различий нет.");
            }

            return 0;
        });
        return command;
    }

    private static Command Activate()
    {
        var folder = new Option<string>("--from") { Description = "Папка с файлами правил (*.json), которые нужно активировать.", Required = true };
        var command = new Command("activate", "Проверить папку файлов правил и активировать её; затем контейнер rules содержит её.") { folder, By, Reason, Reevaluate, AllowRemoval };
        command.SetAction(async (parse, cancellationToken) => await ReportingProblemsAsync(async () =>
        {
            var files = await RuleFiles.ReadDirectoryAsync(parse.GetValue(folder)!, cancellationToken);
            return await ActivateAsync(parse, files, "cli", cancellationToken);
        }));
        return command;
    }

    private static Command Rollback()
    {
        var version = new Argument<string>("version") { Description = "Версия из архива, которую снова сделать действующей." };
        var command = new Command("rollback", "Снова активировать прежнюю версию (новая активация, записывается в журнал).") { version, By, Reason, Reevaluate, AllowRemoval };
        command.SetAction(async (parse, cancellationToken) => await ReportingProblemsAsync(async () =>
        {
            var files = await ReadVersionAsync(parse, parse.GetValue(version)!, cancellationToken);
            return await ActivateAsync(parse, files, "rollback", cancellationToken);
        }));
        return command;
    }

    private static Command Preview()
    {
        var folder = new Option<string?>("--from") { Description = "Папка с файлами-кандидатами. По умолчанию — файлы в контейнере rules." };
        var period = new Option<string>("--period") { Description = "Хранимый период для расчёта, например 2023-2024.", Required = true };
        var command = new Command("preview", "Рассчитать правила-кандидат на хранимом периоде, ничего не активируя: у каких школ изменится зона и что перестанет оцениваться.") { folder, period };
        command.SetAction(async (parse, cancellationToken) => await ReportingProblemsAsync(async () =>
        {
            var account = Connection.Open(parse);
            var store = new RuleStore(account, TimeProvider.System);
            IReadOnlyList<RuleFile> files;
            if (parse.GetValue(folder) is { } path)
            {
                files = await RuleFiles.ReadDirectoryAsync(path, cancellationToken);
            }
            else
            {
                var editable = await store.ReadEditableAsync(cancellationToken);
                if (editable.Problems.Count > 0)
                {
                    return Problems("Файлы в контейнере rules не читаются как правила:", editable.Problems);
                }

                files = editable.Files;
            }

            var active = await store.ActiveAsync(cancellationToken) is { } pointer ? await store.ReadVersionAsync(pointer.Version, cancellationToken) : [];
            var preview = await RuleServices.Preview(account).PreviewAsync(Period.Parse(parse.GetValue(period)!), files, active, cancellationToken);
            if (preview.Problems.Count > 0)
            {
                return Problems(
                    preview.CandidateVersion is null
                        ? "Правила-кандидат не прошли проверку; ничего не рассчитано:"
                        : $"Правила-кандидат не вычисляются на данных за {preview.Period}; ничего не рассчитано:",
                    preview.Problems);
            }

            var table = new Table().Title($"Зоны, которые изменит набор правил {preview.CandidateVersion}").AddColumn("Муниципалитет").AddColumn("Школа").AddColumn("Сейчас").AddColumn("Станет");
            foreach (var change in preview.Changes)
            {
                table.AddRow(change.MunicipalityId.ToString(), Markup.Escape($"{change.SchoolId} {change.SchoolName}"), ZoneText(change.Before), ZoneText(change.After));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"Зона изменится у {preview.Changes.Count} из {preview.SchoolsEvaluated} школ. Ничего не активировано.");
            if (preview.Removed.Count > 0)
            {
                AnsiConsole.MarkupLine("[yellow]Перестанет оцениваться[/] (активация потребует --allow-removal):");
                foreach (var removal in preview.Removed)
                {
                    AnsiConsole.MarkupLine($"  {Markup.Escape(removal.Description)}");
                }
            }

            return 0;
        }));
        return command;
    }

    private static async Task<int> ActivateAsync(ParseResult parse, IReadOnlyList<RuleFile> files, string source, CancellationToken cancellationToken)
    {
        var account = Connection.Open(parse);
        var (by, signedIn) = await Connection.CallerAsync(parse, parse.GetValue(By)!, cancellationToken);
        if (signedIn && parse.GetResult(By) is { Implicit: false })
        {
            AnsiConsole.MarkupLine($"--by не используется: в Azure записывается вошедшая учётная запись ({Markup.Escape(by)}).");
        }

        var change = new RuleChange(by, parse.GetValue(Reason)!, source, parse.GetValue(Reevaluate) is { } asked ? Period.Parse(asked).ToString() : null)
        {
            ByOrigin = signedIn ? AuthorOrigin.SignedIn : AuthorOrigin.CommandLine,
            AllowRemoval = parse.GetValue(AllowRemoval),
        };
        var activation = await RuleServices.Workflow(account).ActivateAndKeepInContainerAsync(files, change, cancellationToken);
        switch (activation.Outcome)
        {
            case RuleActivationOutcome.Rejected:
                return Problems(
                    $"[red]Отклонено[/]; действующей осталась версия {activation.ActiveVersion?.ToString() ?? "none"}. Полный текст: {Markup.Escape(activation.ProblemsBlob ?? "—")}.",
                    activation.Problems);
            case RuleActivationOutcome.Unchanged:
                AnsiConsole.MarkupLine($"Версия {activation.ActiveVersion} уже действует.");
                return 0;
            default:
                AnsiConsole.MarkupLine($"[green]Активирована[/] версия {activation.ActiveVersion}; работающие приложения функций применяют её со следующего вызова.");
                if (change.ReevaluatePeriod is { } period)
                {
                    await account.Queues.GetQueueClient(QueueNames.PeriodRecalculations).SendMessageAsync(
                        MessageJson.Serialize(new RecalculationRequest(Period.Parse(period), activation.ActiveVersion, TimeProvider.System.GetUtcNow())), cancellationToken);
                    AnsiConsole.MarkupLine($"Пересчёт периода {period} поставлен в очередь.");
                }

                return 0;
        }
    }

    private static int Problems(string heading, IReadOnlyList<string> problems)
    {
        AnsiConsole.MarkupLine(heading);
        foreach (var problem in problems)
        {
            AnsiConsole.MarkupLine($"  {Markup.Escape(problem)}");
        }

        return 1;
    }

    private static string ZoneText(Zone zone) => zone switch
    {
        Zone.High => "высокий риск",
        Zone.Medium => "средний риск",
        _ => "вне зоны риска",
    };

    private static RuleStore Store(ParseResult parse) =>
        new(Connection.Open(parse), TimeProvider.System);

    /// <summary>The archived files of the version <paramref name="text"/> names; text that is no version (<see cref="RuleSetVersion"/>) is one the archive does not hold.</summary>
    private static async Task<IReadOnlyList<RuleFile>> ReadVersionAsync(ParseResult parse, string text, CancellationToken cancellationToken)
    {
        var account = Connection.Open(parse);
        return RuleSetVersion.TryParse(text, out var version)
            ? await new RuleStore(account, TimeProvider.System).ReadVersionAsync(version, cancellationToken)
            : throw new RuleSetException($"Rule set version {text} is not in the {account.Options.RulesArchiveContainer} container.");
    }
}
