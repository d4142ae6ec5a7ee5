using Microsoft.Extensions.Logging;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Domain.Notices.Letters;
using SchoolRisk.Domain.Notices.Recipients;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Reports;
using SchoolRisk.Storage.ServiceBus;

namespace SchoolRisk.Application.Notices;

/// <summary>
/// Delivers one notice, the workflow behind <c>Notify</c>. Reads the notice from the notices container, records it in the
/// notifications table (its key is the dedupe key), makes the letter's read-only links to the report and the analytical
/// note (<see cref="ReportReadLinks"/>), and delivers it: the municipality's letter to that municipality's addresses, an
/// alert to the committee when schools came into the high zone (<see cref="DeliveryPlan"/>), and, when a Service Bus
/// topic is configured, a message to each one's subscription of it, each delivery sent once
/// (<see cref="NoticeDeliverer"/>), one address's failure never stopping the others. A transient failure asks for the
/// message again (status <c>Retrying</c> with the reason; after the queue's last delivery it waits in
/// <c>risk-notifications-poison</c>). A permanent one (an address refused, a redirecting webhook, an untrusted relay
/// certificate, no address for the municipality, an unreadable recipients directory) is a handled outcome: the notice is
/// <c>Failed</c> with the reason, and the message completes. <c>schoolrisk notices replay --failed</c> sends failed
/// notices again once the cause is fixed. Only a fault of storage throws.
/// </summary>
public sealed class NoticeNotifier(
    NoticeBlobs notices, NotificationTable notifications, RecipientListBlob recipients, ReportReadLinks reportLinks, DeliveryOptions options,
    NoticeDeliverer deliverer, ILogger<NoticeNotifier> logger, NoticeTopic? topic = null)
{
    /// <param name="message">The notice's message from <c>risk-notifications</c>.</param>
    /// <param name="cancellationToken">Cancels the delivery; the message is then retried.</param>
    /// <returns>Retry while a transient failure remains; the log line says how every delivery ended.</returns>
    public async Task<MessageOutcome> NotifyAsync(NoticeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var notice = await notices.ReadAsync(message.NoticeBlob, cancellationToken);
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["NoticeId"] = notice.NoticeId,
            ["NoticeKind"] = notice.Kind.ToString(),
            ["UploadId"] = notice.UploadId,
            ["MunicipalityId"] = notice.MunicipalityId.ToString(),
            ["Period"] = notice.Period.ToString(),
            ["RuleSetVersion"] = notice.RuleSetVersion?.ToString(),
        });
        await notifications.TryAddAsync(notice, cancellationToken);
        Task SetStatusAsync(string status, string? reason) =>
            notifications.SetStatusAsync(notice.Period, notice.MunicipalityId, notice.NoticeId, status, reason, cancellationToken);

        RecipientDirectory directory;
        try
        {
            directory = await recipients.LoadAsync(cancellationToken);
        }
        catch (RecipientsUnusableException exception)
        {
            var reason = $"справочник адресатов не читается, уведомление не отправлено никому: {exception.Message} {DeliveryOutcome.FailedNote}";
            await SetStatusAsync(NoticeStatus.Failed, reason);
            logger.LogWarning("Notice {NoticeId}: the recipients directory is unreadable: {Reason}", notice.NoticeId, exception.Message);
            return new MessageOutcome(false, $"Notice {notice.NoticeId}: the recipients directory is unreadable, notice failed: {exception.Message}");
        }

        LetterLinks links;
        try
        {
            links = await LinksAsync(notice, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            await SetStatusAsync(NoticeStatus.Retrying, $"не удалось выдать ссылки на отчёт и справку ({exception.GetType().Name}): {exception.Message} {DeliveryOutcome.RetryingNote(QueueNames.RiskNotifications)}");
            logger.LogError(exception, "Notice {NoticeId}: report links could not be issued", notice.NoticeId);
            return new MessageOutcome(true, $"Notice {notice.NoticeId}: report links could not be issued: {exception.Message}");
        }

        IReadOnlyList<Delivery> planned = [.. DeliveryPlan.ForNotice(notice, directory, links, topic?.Name).Select(delivery => delivery with { DataBlob = message.NoticeBlob })];
        List<string> unaddressed = planned.Any(delivery => delivery.Kind == DeliveryPlan.MunicipalityNoticeKind && delivery.Channel != DeliveryChannel.ServiceBus)
            ? []
            : [$"{notice.MunicipalityId}: в справочнике адресатов (registry/recipients.csv) нет ни адреса почты, ни веб-хука этого муниципалитета, письмо ему не отправлено; добавьте строку с его кодом."];
        var outcome = await deliverer.DeliverAsync(notice.Period, planned, cancellationToken);
        var (status, statusReason) = outcome.NoticeStatus(unaddressed, QueueNames.RiskNotifications);
        await SetStatusAsync(status, statusReason);
        return new MessageOutcome(
            status == NoticeStatus.Retrying,
            $"Notice {notice.NoticeId} ({notice.Kind}) for {notice.MunicipalityId}: {status}; {outcome.Summary}{string.Concat(unaddressed.Select(reason => $"; {reason}"))}");
    }

    /// <summary>Read-only links to the documents the municipality's letter links, valid for <see cref="DeliveryOptions.ReportLinkLifetime"/> from now.</summary>
    private async Task<LetterLinks> LinksAsync(MunicipalityNotice notice, CancellationToken cancellationToken)
    {
        var (report, note) = MunicipalityLetter.LinkedDocuments(notice);
        string[] linked = [.. new[] { report, note }.OfType<string>()];
        if (linked.Length == 0)
        {
            return LetterLinks.None with { Site = options.SiteUrl };
        }

        var issued = await reportLinks.IssueAsync(linked, options.ReportLinkLifetime, cancellationToken);
        Uri? UrlOf(string? blobName) => blobName is null ? null : issued.Urls[Array.IndexOf(linked, blobName)];
        return new LetterLinks(UrlOf(report), UrlOf(note), issued.ExpiresOn, options.SiteUrl);
    }
}
