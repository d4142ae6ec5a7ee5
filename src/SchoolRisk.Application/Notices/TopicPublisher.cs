using System.Globalization;
using System.Text;
using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Reports;
using SchoolRisk.Storage.ServiceBus;

namespace SchoolRisk.Application.Notices;

/// <summary>
/// Deliveries to the notices topic of Azure Service Bus (<see cref="DeliveryChannel.ServiceBus"/>): the
/// <see cref="DeliveryBody"/> JSON, with the message id, subject and application properties of
/// <see cref="PublishedNotice"/>, to the recipient's subscription. A body larger than <see cref="NoticeTopic.MaxBodyBytes"/>
/// carries a read-only link to the notice's blob instead of the notice (<see cref="DeliveryBody.SerializeReferring"/>),
/// valid for <see cref="DeliveryOptions.ReportLinkLifetime"/>, and the message lives no longer than its link. Service
/// Bus busy or unreachable is transient; no rights, no topic, a message too large with nothing to link are permanent,
/// with the reason in Russian.
/// </summary>
public sealed class TopicPublisher(NoticeTopic topic, ReportReadLinks links, StorageAccount account, DeliveryOptions options) : IDeliverySender
{
    /// <summary>How much of the letter a message that links its notice keeps: a quarter of the body's limit, so the rest fits.</summary>
    private const int ReferringTextLength = NoticeTopic.MaxBodyBytes / 4 / 2;

    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    /// <inheritdoc/>
    public DeliveryChannel Channel => DeliveryChannel.ServiceBus;

    /// <inheritdoc/>
    public async Task SendAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var body = DeliveryBody.Serialize(delivery);
        TimeSpan? timeToLive = null;
        if (Encoding.UTF8.GetByteCount(body) > NoticeTopic.MaxBodyBytes)
        {
            if (delivery.DataBlob is not { } blob)
            {
                throw new DeliveryFailedException(
                    string.Create(Russian,
                        $"сообщение ({Encoding.UTF8.GetByteCount(body):N0} байт) больше {NoticeTopic.MaxBodyBytes:N0} байт, которые принимает тема «{topic.Name}», а сослаться не на что: уведомление не сохранено в хранилище уведомлений."),
                    permanent: true);
            }

            var issued = await links.IssueAsync(account.Options.NoticesContainer, [blob], options.ReportLinkLifetime, cancellationToken);
            body = DeliveryBody.SerializeReferring(delivery, issued.Urls[0], issued.ExpiresOn, ReferringTextLength);
            timeToLive = options.ReportLinkLifetime;
        }

        try
        {
            await topic.PublishAsync(delivery.Recipient.RecipientId, PublishedNotice.Of(delivery), body, timeToLive, cancellationToken);
        }
        catch (NoticeTopicException exception)
        {
            throw new DeliveryFailedException(exception.Message, permanent: !exception.Transient, exception);
        }
    }
}
