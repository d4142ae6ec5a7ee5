using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using SchoolRisk.Application.Notes;
using SchoolRisk.Application.Rules;
using SchoolRisk.Application.Support;
using SchoolRisk.Application.Views;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Support;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Rules;
using SchoolRisk.Storage.Support;
using Spectre.Console;

namespace SchoolRisk.Cli.Support;

/// <summary>
/// <c>schoolrisk support</c>: the committee's support decisions (<see cref="SupportWorkflow"/>), with the rights of the
/// storage account: <c>record</c> a decision (or change the school's decision of that kind), <c>withdraw</c> one,
/// <c>list</c> a period's decisions and audit trail, <c>mentors</c> the proposed mentor pairs, <c>subsidy --out f.xlsx</c>
/// the schools that meet the subsidy's criteria. Exit code 0 when done, 1 when refused (the problems printed), 2 for no such decision or a conflict.
/// </summary>
public static class SupportCommand
{
    private static readonly StorageConnection Connection = new();

    private static readonly Option<string> PeriodOption = new("--period") { Description = "Учебный год, например 2023-2024.", Required = true };

    private static readonly Option<string> By = new("--by")
    {
        Description = "Кто принимает решение (записывается) — только для локального эмулятора; в Azure записывается вошедшая учётная запись Microsoft Entra.",
        DefaultValueFactory = _ => Environment.UserName,
    };

    /// <summary>The master key's rights: the CLI reaches the storage account itself.</summary>
    private static readonly AccessScope Account = AccessScope.Of(null, masterKey: true);

    public static Command Create()
    {
        var command = new Command("support", "Решения о поддержке школ: записать, отозвать, список с журналом, предложения наставников, список на субсидию (Excel).");
        foreach (var subcommand in new[] { Record(), Withdraw(), List(), Mentors(), Subsidy() })
        {
            subcommand.Validators.Add(result =>
            {
                if (result.GetValue(PeriodOption) is { } text && !Period.TryParse(text, out _))
                {
                    result.AddError($"--period {Period.ProblemOf(text)}");
                }
            });
            command.Subcommands.Add(subcommand);
        }

        Connection.AddTo(command);
        return command;
    }

    private static Command Record()
    {
        var school = new Option<string>("--school") { Description = "Код школы, например gatchinsky-001.", Required = true };
        var kind = new Option<string>("--kind") { Description = $"Вид поддержки: {SupportKinds.Choices}.", Required = true };
        var amount = new Option<decimal?>("--amount") { Description = "Сумма субсидии в рублях (только для subsidy)." };
        var mentor = new Option<string?>("--mentor") { Description = "Код школы-наставника (только для mentoring)." };
        var comment = new Option<string?>("--comment") { Description = "Комментарий." };
        var command = new Command("record", "Записать решение о поддержке школы (или изменить решение того же вида).") { PeriodOption, school, kind, amount, mentor, comment, By };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (by, channel) = await CallerAsync(parse, cancellationToken);
            var draft = new SupportDecisionDraft(parse.GetValue(school), parse.GetValue(kind), parse.GetValue(amount), parse.GetValue(mentor), parse.GetValue(comment), by);
            return Print(await Workflow(parse).RecordAsync(Account, parse.GetValue(PeriodOption), draft, channel, cancellationToken));
        });
        return command;
    }

    private static Command Withdraw()
    {
        var school = new Option<string>("--school") { Description = "Код школы.", Required = true };
        var kind = new Option<string>("--kind") { Description = $"Вид поддержки: {SupportKinds.Choices}.", Required = true };
        var command = new Command("withdraw", "Отозвать решение о поддержке школы.") { PeriodOption, school, kind, By };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (by, channel) = await CallerAsync(parse, cancellationToken);
            return Print(await Workflow(parse).WithdrawAsync(Account, parse.GetValue(PeriodOption), new SupportWithdrawal(parse.GetValue(school), parse.GetValue(kind), by), channel, cancellationToken));
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "Решения о поддержке за учебный год и журнал их изменений.") { PeriodOption };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var workflow = Workflow(parse);
            var view = (await workflow.GetAsync(Account, parse.GetValue(PeriodOption), cancellationToken)).Value!;
            var table = new Table().Title($"Решения о поддержке, {view.Period}")
                .AddColumn("Школа").AddColumn("Вид").AddColumn("Сумма, ₽").AddColumn("Наставник").AddColumn("Комментарий").AddColumn("Кто").AddColumn("Когда (UTC)");
            foreach (var decision in view.Decisions)
            {
                table.AddRow(
                    Markup.Escape($"{decision.SchoolId} {decision.SchoolName}"), decision.KindTitle, decision.Amount?.ToString("N2", CultureInfo.GetCultureInfo("ru-RU")) ?? string.Empty,
                    Markup.Escape(decision.MentorId ?? string.Empty), Markup.Escape(decision.Comment), Markup.Escape(decision.DecidedBy), decision.DecidedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            var audit = (await workflow.AuditAsync(Account, view.Period, cancellationToken)).Value!;
            var trail = new Table().Title("Журнал").AddColumn("Когда (UTC)").AddColumn("Действие").AddColumn("Школа").AddColumn("Вид").AddColumn("Кто");
            foreach (var entry in audit.Entries)
            {
                trail.AddRow(entry.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), entry.ActionTitle, entry.SchoolId, entry.KindTitle, Markup.Escape(entry.By));
            }

            AnsiConsole.Write(trail);
            return 0;
        });
        return command;
    }

    private static Command Mentors()
    {
        var command = new Command("mentors", "Предложить пары «школа — наставник» (не больше подопечных у наставника, чем задано в rules/management-cycle.json; принятые решения учитываются).") { PeriodOption };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var proposals = await Workflow(parse).ProposeAsync(Period.Parse(parse.GetValue(PeriodOption)!), cancellationToken);
            var table = new Table().Title($"Предложения наставников, {parse.GetValue(PeriodOption)}")
                .AddColumn("Школа (ШНОР)").AddColumn("Уровень").AddColumn("Индекс").AddColumn("Наставник").AddColumn("Близость").AddColumn("Почему наставник");
            foreach (var proposal in proposals)
            {
                table.AddRow(
                    Markup.Escape($"{proposal.MenteeId} {proposal.MenteeName}"), proposal.Level, proposal.ResultsIndex?.ToString("0.##", CultureInfo.GetCultureInfo("ru-RU")) ?? "—",
                    proposal.MentorId is null ? $"[red]наставник не найден[/]: {Markup.Escape(proposal.NotFound ?? string.Empty)}" : Markup.Escape($"{proposal.MentorId} {proposal.MentorName}"),
                    proposal.ProximityTitle ?? string.Empty, Markup.Escape(proposal.MentorReason));
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Subsidy()
    {
        var output = new Option<string>("--out") { Description = "Файл Excel (.xlsx), куда записать список.", Required = true };
        var command = new Command("subsidy", "Школы, отвечающие критериям субсидии, по муниципалитетам: в файл Excel.") { PeriodOption, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = (await Workflow(parse).SubsidyWorkbookAsync(Account, parse.GetValue(PeriodOption), cancellationToken)).Value!;
            var path = Path.GetFullPath(parse.GetValue(output)!);
            await File.WriteAllBytesAsync(path, file.Content.ToArray(), cancellationToken);
            AnsiConsole.MarkupLine($"Список на субсидию записан в [blue]{Markup.Escape(path)}[/].");
            return 0;
        });
        return command;
    }

    private static SupportWorkflow Workflow(ParseResult parse)
    {
        var account = Connection.Open(parse);
        return new SupportWorkflow(
            new SupportDecisionTable(account), new SupportAuditTable(account), new ResultTable(account, TimeProvider.System), new SchoolRegistryBlob(account), new RecipientListBlob(account),
            new RuleSetProvider(new RuleStore(account, TimeProvider.System), TimeProvider.System, NullLogger<RuleSetProvider>.Instance),
            new NoteRewrites(account, TimeProvider.System), TimeProvider.System);
    }

    /// <summary>The declared name and the channel: in Azure the signed-in identity, verified; locally <c>--by</c>, not verified.</summary>
    private static async Task<(string By, string Channel)> CallerAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var (by, signedIn) = await Connection.CallerAsync(parse, parse.GetValue(By)!, cancellationToken);
        return (by, signedIn ? "вход в Microsoft Entra" : "командная строка, не проверено");
    }

    private static int Print(SupportAnswer answer)
    {
        if (answer.Outcome == SupportOutcome.Done)
        {
            AnsiConsole.MarkupLine($"[green]{Markup.Escape(answer.Message)}[/]");
            return 0;
        }

        AnsiConsole.MarkupLine($"[red]{Markup.Escape(answer.Message)}[/]");
        foreach (var problem in answer.Problems)
        {
            AnsiConsole.MarkupLine($"  {Markup.Escape(problem)}");
        }

        return answer.Outcome == SupportOutcome.Refused ? 1 : 2;
    }
}
