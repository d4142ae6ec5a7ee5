using System.CommandLine;
using System.Text.Json;
using Azure.Identity;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Domain.Notices.Recipients;
using SchoolRisk.Storage.ServiceBus;
using Spectre.Console;

namespace SchoolRisk.Cli.Notices;

/// <summary>
/// <c>schoolrisk notices receive --municipality &lt;id&gt;</c> (or <c>--committee</c>): reads the recipient's subscription of
/// the Service Bus topic of notices as a municipality's system would, peek-lock, prints each notice in Russian as a
/// person reads it (the letter's subject and text, which the message body carries), completes it, and moves a message
/// it cannot read to the subscription's dead-letter queue with the reason. Over a connection string (<c>--service-bus</c>,
/// default the <c>ServiceBus</c> environment variable: the local broker) or, in Azure, a namespace reached with the
/// caller's Microsoft Entra identity (<c>--service-bus-namespace</c>), which needs <i>Azure Service Bus Data Receiver</i>
/// on that subscription only.
/// </summary>
public static class NoticeReceiveCommand
{
    /// <summary>The application properties a notice's heading names: its school year and municipality.</summary>
    private static readonly string[] AboutProperties = ["period", "municipality"];

    public static Command Create()
    {
        var municipality = new Option<string?>("--municipality") { Description = "The municipality whose notices to receive, for example gatchinsky." };
        var committee = new Option<bool>("--committee") { Description = "Receive the committee's alerts and digests instead." };
        var connectionString = new Option<string?>("--service-bus")
        {
            Description = "Service Bus connection string (demo --keep-running prints the local one). Default: the ServiceBus environment variable.",
        };
        var fullyQualifiedNamespace = new Option<string?>("--service-bus-namespace")
        {
            Description = "A Service Bus namespace in Azure (name.servicebus.windows.net), reached with your Microsoft Entra identity; overrides --service-bus.",
        };
        var topic = new Option<string>("--topic") { Description = "The topic of notices.", DefaultValueFactory = _ => new NoticeTopicOptions().Topic };
        var max = new Option<int>("--max") { Description = "Receive at most this many notices (1 to 3600).", DefaultValueFactory = _ => 100 };
        var wait = new Option<int>("--wait") { Description = "Stop when no notice came for this many seconds (1 to 3600).", DefaultValueFactory = _ => 5 };
        foreach (var count in new[] { max, wait })
        {
            count.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int>() is < 1 or > 3600)
                {
                    result.AddError($"{count.Name} must be from 1 to 3600.");
                }
            });
        }

        var command = new Command("receive", "Receive a municipality's (or the committee's) notices from its Service Bus subscription, print them and complete them.")
        {
            municipality, committee, connectionString, fullyQualifiedNamespace, topic, max, wait,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(municipality) is not null) == result.GetValue(committee))
            {
                result.AddError("Give --municipality <id> or --committee, one of them.");
            }
            else if (result.GetValue(municipality) is { } text && !MunicipalityId.TryParse(text, out _))
            {
                result.AddError($"--municipality '{text}' is not a municipality id (lowercase Latin letters, digits and '-').");
            }
            else if (result.GetValue(fullyQualifiedNamespace) is null && string.IsNullOrWhiteSpace(ServiceBusConnection(result.GetValue(connectionString))))
            {
                result.AddError("No Service Bus: give --service-bus <connection string> (or set ServiceBus) or --service-bus-namespace <name>.servicebus.windows.net.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var recipient = parse.GetValue(committee) ? RecipientDirectory.Committee : parse.GetValue(municipality)!;
            NoticeInbox opened;
            try
            {
                opened = parse.GetValue(fullyQualifiedNamespace) is { Length: > 0 } name
                    ? NoticeInbox.Open(name, new DefaultAzureCredential(), parse.GetValue(topic)!, recipient)
                    : NoticeInbox.Open(ServiceBusConnection(parse.GetValue(connectionString))!, parse.GetValue(topic)!, recipient);
            }
            catch (Exception exception) when (exception is FormatException or ArgumentException)
            {
                AnsiConsole.MarkupLine($"[red]Строка подключения или адрес Service Bus не читается: {Markup.Escape(exception.Message)}[/]");
                return 1;
            }

            await using var inbox = opened;
            int read, deadLettered;
            try
            {
                (read, deadLettered) = await inbox.ReceiveAsync(Print, parse.GetValue(max), TimeSpan.FromSeconds(parse.GetValue(wait)), cancellationToken);
            }
            catch (NoticeTopicException exception)
            {
                AnsiConsole.MarkupLine($"[red]{Markup.Escape(exception.Message)}[/]");
                return 1;
            }

            AnsiConsole.MarkupLine(read + deadLettered == 0
                ? $"Новых уведомлений для «{Markup.Escape(recipient)}» нет."
                : $"Прочитано уведомлений: [bold]{read}[/]; не прочитано и перемещено в очередь недоставленных: [bold]{deadLettered}[/].");
            return 0;
        });
        return command;
    }

    /// <summary>Prints a notice as a person reads it, or says why it cannot be read (the reason it is dead-lettered with).</summary>
    private static string? Print(ReceivedNotice notice)
    {
        if (notice.Body is null)
        {
            return Unreadable(notice, "его тело не данные (AMQP value или sequence), а уведомление приходит как JSON в данных.");
        }

        string subject, text;
        string? dataUrl;
        try
        {
            using var body = JsonDocument.Parse(notice.Body);
            if (body.RootElement.ValueKind != JsonValueKind.Object
                || !body.RootElement.TryGetProperty("subject", out var subjectProperty) || subjectProperty.GetString() is not { } subjectText
                || !body.RootElement.TryGetProperty("text", out var textProperty) || textProperty.GetString() is not { } letterText)
            {
                return Unreadable(notice, "в теле нет полей subject и text.");
            }

            (subject, text) = (subjectText, letterText);
            dataUrl = body.RootElement.TryGetProperty("dataUrl", out var url) && url.ValueKind == JsonValueKind.String ? url.GetString() : null;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return Unreadable(notice, $"тело не читается как JSON ({exception.Message}).");
        }

        var about = string.Join(" · ", AboutProperties.Select(key => notice.Properties.GetValueOrDefault(key)?.ToString()).OfType<string>());
        AnsiConsole.MarkupLine($"[bold]── {Markup.Escape(subject)}[/]");
        AnsiConsole.MarkupLine($"[grey]{Markup.Escape(PublishedNotice.TitleOf(notice.Subject))} · {Markup.Escape(about)} · получено {notice.EnqueuedAt.ToLocalTime():dd.MM.yyyy HH:mm}, доставка {notice.DeliveryCount}[/]");
        AnsiConsole.WriteLine(text);
        if (dataUrl is not null)
        {
            AnsiConsole.MarkupLine($"Уведомление целиком (JSON): [blue]{Markup.Escape(dataUrl)}[/]");
        }

        AnsiConsole.WriteLine();
        return null;
    }

    private static string Unreadable(ReceivedNotice notice, string why)
    {
        var reason = $"сообщение {notice.MessageId} не прочитано: {why}";
        AnsiConsole.MarkupLine($"[red]{Markup.Escape(reason)}[/] Оно перемещено в очередь недоставленных подписки.");
        return reason;
    }

    /// <summary>
    /// <c>--service-bus</c>, else the <c>ServiceBus</c> environment variable: read here, not as the option's default
    /// value, which help would print with its key.
    /// </summary>
    private static string? ServiceBusConnection(string? given) => given ?? Environment.GetEnvironmentVariable(ServiceBusRegistration.ConnectionName);
}
