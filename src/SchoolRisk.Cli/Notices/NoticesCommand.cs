using System.CommandLine;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Notifications;
using Spectre.Console;

namespace SchoolRisk.Cli.Notices;

/// <summary>
/// <c>schoolrisk notices</c>: <c>list</c> a period's notices with how their delivery ended and the deliveries that
/// failed; <c>replay</c> the messages of a poison queue (by default <c>risk-notifications-poison</c>), for example after
/// an address was added to the recipients directory or the mail server came back. A delivery already sent is not sent again.
/// </summary>
public static class NoticesCommand
{
    private static readonly StorageConnection Connection = new();

    public static Command Create()
    {
        var command = new Command("notices", "Notices and their delivery: list, replay the poison queue.");
        Connection.AddTo(command);
        command.Subcommands.Add(List());
        command.Subcommands.Add(Replay());
        return command;
    }

    private static Command List()
    {
        var period = new Option<string>("--period") { Description = "The period, for example 2023-2024.", Required = true };
        var command = new Command("list", "List a period's notices with their delivery status, and every delivery that did not go out.") { period };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var account = Connection.Open(parse);
            var chosen = Period.Parse(parse.GetValue(period)!);
            var table = new Table().Title($"Notices of {chosen}").AddColumn("Recipient").AddColumn("Notice").AddColumn("Kind").AddColumn("Status").AddColumn("Reason");
            await foreach (var notice in new NotificationTable(account, TimeProvider.System).ListAsync(chosen, cancellationToken))
            {
                table.AddRow(notice.MunicipalityId, notice.NoticeId, notice.Kind.ToString(), notice.Status, Markup.Escape(notice.Reason ?? string.Empty));
            }

            AnsiConsole.Write(table);
            await foreach (var delivery in new DeliveryTable(account, TimeProvider.System).ListAsync(chosen, cancellationToken).Where(d => d.Status != DeliveryStatus.Sent))
            {
                AnsiConsole.MarkupLine($"[red]{delivery.Status}[/] {delivery.RecipientId} {delivery.Channel} {Markup.Escape(delivery.Address)} after {delivery.Attempts} attempts: {Markup.Escape(delivery.Reason ?? string.Empty)}");
            }

            return 0;
        });
        return command;
    }

    private static Command Replay()
    {
        var queue = new Option<string>("--queue") { Description = "The queue whose poison queue to replay.", DefaultValueFactory = _ => "risk-notifications" };
        var command = new Command("replay", "Put the messages of a poison queue back on their queue.") { queue };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var poison = new PoisonMessages(Connection.Open(parse), parse.GetValue(queue)!);
            var moved = await poison.ReplayAsync(cancellationToken);
            AnsiConsole.MarkupLine($"Replayed [bold]{moved}[/] messages from {poison.Name}.");
            return 0;
        });
        return command;
    }
}
