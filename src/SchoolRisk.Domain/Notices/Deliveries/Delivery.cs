using SchoolRisk.Domain.Notices.Letters;
using SchoolRisk.Domain.Notices.Recipients;

namespace SchoolRisk.Domain.Notices.Deliveries;

/// <summary>
/// One letter to one address. <see cref="DeliveryId"/> is the dedupe key (notice, kind of letter, channel and address):
/// whatever redelivers or replays the notice, a delivery already sent is not sent again. <see cref="Data"/> is what a
/// webhook or a Service Bus subscriber receives besides the letter: the notice or the digest itself.
/// </summary>
public sealed record Delivery(string DeliveryId, string NoticeId, string Kind, Recipient Recipient, DeliveryChannel Channel, Letter Letter, object Data)
{
    /// <summary>The Service Bus topic a <see cref="DeliveryChannel.ServiceBus"/> delivery is published to; <c>null</c> for the other channels.</summary>
    public string? Topic { get; init; }

    /// <summary>
    /// The blob of the notices container that holds <see cref="Data"/> (the notice as written for <c>Notify</c>), when
    /// there is one: a message too large for Service Bus links it instead of carrying it. <c>null</c> for a digest.
    /// </summary>
    public string? DataBlob { get; init; }

    /// <summary>
    /// The address the channel uses: the e-mail address, the webhook URL, or the recipient's subscription of the topic
    /// (<c>risk-notices/subscriptions/gatchinsky</c>).
    /// </summary>
    public string Address => Channel switch
    {
        DeliveryChannel.Email => Recipient.Email!,
        DeliveryChannel.Webhook => Recipient.WebhookUrl!.ToString(),
        _ => $"{Topic}/subscriptions/{NoticeSubscription.NameOf(Recipient.RecipientId)}",
    };

    /// <summary>The channel as the committee's reports name it, in Russian: «почта», «веб-хук», «Service Bus».</summary>
    public string ChannelName => Channel switch
    {
        DeliveryChannel.Email => "почта",
        DeliveryChannel.Webhook => "веб-хук",
        _ => "Service Bus",
    };
}
