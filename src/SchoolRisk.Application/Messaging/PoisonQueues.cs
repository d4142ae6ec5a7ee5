using System.Text.Json;
using SchoolRisk.Application.Digest;
using SchoolRisk.Application.Notes;
using SchoolRisk.Application.Notices;
using SchoolRisk.Application.Recalculation;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Notices.Recipients;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Events;
using SchoolRisk.Storage.Notifications;

namespace SchoolRisk.Application.Messaging;

/// <summary>
/// What waits in the poison queues of every queue of the workflow (<see cref="QueueNames.All"/>), said for the committee
/// in Russian: which queue, when the message was put there, what it is about (a notice of a municipality and period, the
/// committee's digest, a recalculation, a file's event) and the reason recorded for it. A poison queue message carries
/// no reason of its own (the Functions host moves it as it was), so the reason is the one the workflow recorded: a
/// notice's or digest's <c>Retrying</c> reason in the notices table; for other messages, where to look for it.
/// Replaying a poison queue is <see cref="PoisonMessages.ReplayAsync"/>, as <c>schoolrisk notices replay --queue</c> does.
/// </summary>
public sealed class PoisonQueues(StorageAccount account, NotificationTable notifications)
{
    /// <summary>The most messages listed per poison queue (a storage queue's peek returns at most 32); the count says how many there are.</summary>
    public const int Listed = 32;

    /// <summary>The longest part of a message's text kept in <see cref="PoisonedMessage.Text"/>.</summary>
    public const int TextShown = 500;

    /// <summary>The poison queue of <paramref name="queue"/> (one of <see cref="QueueNames.All"/>).</summary>
    public PoisonMessages Of(string queue) => new(account, queue);

    /// <summary>Every poison queue that holds messages, in the order of <see cref="QueueNames.All"/>, with its first <see cref="Listed"/> messages described.</summary>
    public async Task<IReadOnlyList<PoisonQueueView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var queues = new List<PoisonQueueView>();
        foreach (var queue in QueueNames.All)
        {
            var poison = Of(queue);
            var count = await poison.CountAsync(cancellationToken);
            var messages = count == 0 ? [] : await poison.PeekAsync(Listed, cancellationToken);
            if (count == 0 && messages.Count == 0)
            {
                continue;
            }

            var described = new List<PoisonedMessage>();
            foreach (var message in messages)
            {
                described.Add(await DescribeAsync(queue, message, cancellationToken));
            }

            queues.Add(new PoisonQueueView(queue, poison.Name, Math.Max(count, messages.Count), described));
        }

        return queues;
    }

    private async Task<PoisonedMessage> DescribeAsync(string queue, PoisonMessage message, CancellationToken cancellationToken)
    {
        var text = message.Text.Length > TextShown ? message.Text[..TextShown] + "…" : message.Text;
        var (what, period, reason) = queue switch
        {
            QueueNames.RiskNotifications => await NoticeAsync(message.Text, cancellationToken),
            QueueNames.DigestRequests => await DigestAsync(message.Text, cancellationToken),
            QueueNames.PeriodRecalculations => PeriodMessage<RecalculationRequest>(message.Text, "пересчёт региона"),
            QueueNames.NoteRequests => PeriodMessage<NoteRequest>(message.Text, "аналитические справки муниципалитетов"),
            _ => BlobEvent(message.Text),
        };
        return new PoisonedMessage(message.MessageId, message.InsertedOn, what, period, reason ?? NotRecorded(queue), text);
    }

    private async Task<(string What, string? Period, string? Reason)> NoticeAsync(string text, CancellationToken cancellationToken)
    {
        if (Read<NoticeMessage>(text) is not { } message || message.NoticeId is not { Length: > 0 } || message.Period == default || message.MunicipalityId == default)
        {
            return ("сообщение об уведомлении, которое не читается (нет периода, муниципалитета или номера уведомления)", null, null);
        }

        var notice = await notifications.GetAsync(message.Period, message.MunicipalityId, message.NoticeId, cancellationToken);
        var kind = notice is null ? "уведомление" : $"уведомление «{TitleOf(notice.Kind)}»";
        var whom = message.MunicipalityId.ToString() == RecipientDirectory.Committee ? "комитету" : $"муниципалитету {message.MunicipalityId}";
        return ($"{kind} {whom} за {message.Period} (№ {message.NoticeId})", message.Period.ToString(), notice?.Reason);
    }

    private async Task<(string What, string? Period, string? Reason)> DigestAsync(string text, CancellationToken cancellationToken)
    {
        if (Read<DigestRequest>(text) is not { } request || request.Period == default)
        {
            return ("запрос сводки комитета, который не читается (нет учебного года)", null, null);
        }

        var reason = await notifications.ListAsync(request.Period, cancellationToken)
            .Where(notice => notice.Kind == NoticeKind.Digest && notice.Status == NoticeStatus.Retrying && notice.Reason is not null)
            .OrderByDescending(notice => notice.StatusAt ?? DateTimeOffset.MinValue)
            .Select(notice => notice.Reason)
            .FirstOrDefaultAsync(cancellationToken);
        return ($"сводка для комитета за {request.Period}", request.Period.ToString(), reason);
    }

    private static (string What, string? Period, string? Reason) PeriodMessage<T>(string text, string what)
        where T : class, IPeriodMessage =>
        Read<T>(text) is { } message && message.Period != default
            ? ($"{what} за {message.Period}", message.Period.ToString(), null)
            : ($"{what}: сообщение не читается (нет учебного года вида 2023-2024)", null, null);

    private static (string What, string? Period, string? Reason) BlobEvent(string text)
    {
        try
        {
            return BlobCreatedEventParser.Parse(text) is { } created
                ? ($"событие о файле {created.Container}/{created.BlobName}", created.Container == "uploads" ? created.BlobName.Split('/')[0] : null, null)
                : ("событие Event Grid другого типа", null, null);
        }
        catch (FormatException)
        {
            return ("сообщение, которое не является событием Event Grid", null, null);
        }
    }

    private static T? Read<T>(string text)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, MessageJson.Options);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static string NotRecorded(string queue) =>
        $"Причина не записана: функция {FunctionOf(queue)} не справилась с сообщением ни с одной попытки, и оно перенесено в очередь {QueueNames.PoisonOf(queue)}. " +
        "Ошибку покажет журнал приложения (Application Insights) за это время; после исправления верните сообщения в очередь.";

    private static string FunctionOf(string queue) => queue switch
    {
        QueueNames.UploadEvents => "Ingest",
        QueueNames.RulesEvents => "RulesChanged",
        QueueNames.RegistryEvents => "RegistryChanged",
        QueueNames.PeriodRecalculations => "Recalculate",
        QueueNames.RiskNotifications => "Notify",
        QueueNames.DigestRequests => "Digest",
        QueueNames.NoteRequests => "WriteNotes",
        _ => queue,
    };

    /// <summary>What a notice of <paramref name="kind"/> is, in the words the committee's page uses.</summary>
    public static string TitleOf(NoticeKind kind) => kind switch
    {
        NoticeKind.Evaluated => "итоги проверки файла",
        NoticeKind.RubricsEvaluated => "итоги по рубрикаторам",
        NoticeKind.RulesChanged => "изменились правила",
        NoticeKind.Rejected => "файл не принят",
        NoticeKind.Digest => "сводка для комитета",
        _ => "замечания к файлам комитета",
    };
}
