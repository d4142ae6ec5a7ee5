using System.CommandLine;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Application.Notices;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Notifications;
using Spectre.Console;

namespace SchoolRisk.Cli.Notices;

/// <summary>
/// <c>schoolrisk notices</c>: <c>list</c> a period's notices with how their delivery ended and the deliveries that
/// failed; <c>replay --failed [--period p]</c> sends again the notices that failed permanently, once the cause is fixed
/// (an address corrected in the recipients directory, the relay's certificate replaced); <c>receive</c> reads a
/// municipality's subscription of the Service Bus topic (<see cref="NoticeReceiveCommand"/>); <c>replay</c> puts back the
/// messages of a poison queue (by default <c>risk-notifications-poison</c>), for example after the mail server came
/// back. A delivery already sent is not sent again.
/// </summary>
public static class NoticesCommand
{
    private static readonly StorageConnection Connection = new();

    public static Command Create()
    {
        var command = new Command("notices", "Notices and their delivery: list, send failed notices again, replay a poison queue, receive a subscription of the Service Bus topic.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Replay());
        command.Subcommands.Add(NoticeReceiveCommand.Create());
        return command;
    }

    private static Command List()
    {
        var period = new Option<string>("--period") { Description = "The period, for example 2023-2024.", Required = true };
        var command = new Command("list", "List a period's notices with their delivery status, and the deliveries that did not go out of notices not delivered.") { period };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var account = Connection.Open(parse);
            var chosen = Period.Parse(parse.GetValue(period)!);
            var notices = await new NoticeLedger(new NotificationTable(account, TimeProvider.System), new DeliveryTable(account, TimeProvider.System))
                .ReadAsync(chosen, cancellationToken);
            var table = new Table().Title($"Notices of {chosen}").AddColumn("Recipient").AddColumn("Notice").AddColumn("Kind").AddColumn("Status").AddColumn("Reason");
            foreach (var notice in notices.Notices)
            {
                table.AddRow(notice.MunicipalityId.ToString(), notice.NoticeId, notice.Kind.ToString(), notice.Status, Markup.Escape(notice.Reason ?? string.Empty));
            }

            AnsiConsole.Write(table);
            foreach (var delivery in notices.Undelivered)
            {
                AnsiConsole.MarkupLine($"[red]{delivery.Status}[/] {delivery.RecipientId} {delivery.Channel} {Markup.Escape(delivery.Address)} after {delivery.Attempts} attempts: {Markup.Escape(delivery.Reason ?? string.Empty)}");
            }

            return 0;
        });
        Connection.AddTo(command);
        return command;
    }

    private static Command Replay()
    {
        var queue = new Option<string>("--queue") { Description = "The queue whose poison queue to replay.", DefaultValueFactory = _ => QueueNames.RiskNotifications };
        var failed = new Option<bool>("--failed") { Description = "Send again the notices and digests whose status is Failed, instead of replaying a poison queue." };
        var period = new Option<string?>("--period") { Description = "With --failed: only this period's, for example 2023-2024 (default: every period)." };
        var command = new Command("replay", "Put the messages of a poison queue back on their queue, or (--failed) send failed notices again.") { queue, failed, period };
        command.Validators.Add(result =>
        {
            if (result.GetValue(period) is { } text && !Period.TryParse(text, out _))
            {
                result.AddError($"--period '{text}' is not a period like 2023-2024.");
            }
            else if (result.GetValue(period) is not null && !result.GetValue(failed))
            {
                result.AddError("--period goes with --failed.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(failed))
            {
                var chosen = parse.GetValue(period) is { } text ? Period.Parse(text) : (Period?)null;
                var queued = await new FailedNoticeReplay(Connection.Open(parse), TimeProvider.System).ReplayAsync(chosen, cancellationToken);
                AnsiConsole.MarkupLine($"Queued [bold]{queued}[/] failed notices and digests again{(chosen is null ? string.Empty : $" of {chosen}")}.");
                return 0;
            }

            var poison = new PoisonMessages(Connection.Open(parse), parse.GetValue(queue)!);
            var moved = await poison.ReplayAsync(cancellationToken);
            AnsiConsole.MarkupLine($"Replayed [bold]{moved}[/] messages from {poison.Name}.");
            return 0;
        });
        Connection.AddTo(command);
        return command;
    }
}
