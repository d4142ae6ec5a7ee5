using SchoolRisk.Domain.Notices.Letters;
using SchoolRisk.Domain.Notices.Recipients;

namespace SchoolRisk.Domain.Notices.Deliveries;

/// <summary>
/// One letter to one address. <see cref="DeliveryId"/> is the dedupe key (notice, kind of letter, channel and address):
/// whatever redelivers or replays the notice, a delivery already sent is not sent again. <see cref="Data"/> is what a
/// webhook receives besides the letter: the notice or the digest itself.
/// </summary>
public sealed record Delivery(string DeliveryId, string NoticeId, string Kind, Recipient Recipient, DeliveryChannel Channel, Letter Letter, object Data)
{
    /// <summary>The address the channel uses: the e-mail address or the webhook URL.</summary>
    public string Address => Channel == DeliveryChannel.Email ? Recipient.Email! : Recipient.WebhookUrl!.ToString();
}
