using System.Security.Cryptography;
using System.Text;
using SchoolRisk.Domain.Notices.Digest;
using SchoolRisk.Domain.Notices.Letters;
using SchoolRisk.Domain.Notices.Recipients;

namespace SchoolRisk.Domain.Notices.Deliveries;

/// <summary>
/// Who gets what: a municipality's notice goes to that municipality's addresses only, and, when schools came into the
/// high zone, an alert goes to the committee; the digest, and a notice about the committee's own files
/// (<see cref="NoticeKind.RegistryProblems"/>), go to the committee. Every address of a recipient gets its
/// own delivery on each of its channels; when notices are published to a Service Bus topic, every recipient also gets
/// one message there, to its own subscription (<see cref="NoticeSubscription"/>), whether or not the recipients
/// directory has a row for it.
/// </summary>
public static class DeliveryPlan
{
    public const string MunicipalityNoticeKind = "notice";
    public const string CommitteeAlertKind = "alert";
    public const string DigestKind = "digest";

    /// <param name="notice">The notice.</param>
    /// <param name="directory">Who receives what.</param>
    /// <param name="links">The links the municipality's letter gives, made for this sending.</param>
    /// <param name="topic">The Service Bus topic notices are published to; <c>null</c>: they are not published.</param>
    public static IReadOnlyList<Delivery> ForNotice(MunicipalityNotice notice, RecipientDirectory directory, LetterLinks links, string? topic = null)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(directory);
        var name = directory.NameOf(notice.MunicipalityId.ToString());
        var letter = notice.Kind == NoticeKind.RegistryProblems ? RegistryLetter.Compose(notice, links) : MunicipalityLetter.Compose(notice, name, links);
        var deliveries = To(directory, notice.MunicipalityId.ToString(), notice.NoticeId, MunicipalityNoticeKind, letter, notice, topic).ToList();
        if (CommitteeAlert.Compose(notice, name) is { } alert)
        {
            deliveries.AddRange(To(directory, RecipientDirectory.Committee, notice.NoticeId, CommitteeAlertKind, alert, notice, topic));
        }

        return deliveries;
    }

    /// <param name="digest">The digest.</param>
    /// <param name="directory">Who receives what.</param>
    /// <param name="topic">The Service Bus topic notices are published to; <c>null</c>: they are not published.</param>
    public static IReadOnlyList<Delivery> ForDigest(RegionalDigest digest, RecipientDirectory directory, string? topic = null)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(directory);
        return [.. To(directory, RecipientDirectory.Committee, digest.Key, DigestKind, DigestLetter.Compose(digest, directory.NameOf), digest, topic)];
    }

    private static IEnumerable<Delivery> To(RecipientDirectory directory, string recipientId, string noticeId, string kind, Letter letter, object data, string? topic)
    {
        foreach (var delivery in To(directory.For(recipientId), noticeId, kind, letter, data))
        {
            yield return delivery;
        }

        if (topic is not null)
        {
            var subscriber = new Recipient(recipientId, directory.NameOf(recipientId), null, null, null);
            var published = new Delivery(string.Empty, noticeId, kind, subscriber, DeliveryChannel.ServiceBus, letter, data) { Topic = topic };
            yield return published with { DeliveryId = IdOf(noticeId, kind, DeliveryChannel.ServiceBus, published.Address) };
        }
    }

    private static IEnumerable<Delivery> To(IEnumerable<Recipient> recipients, string noticeId, string kind, Letter letter, object data)
    {
        foreach (var recipient in recipients)
        {
            if (recipient.Email is not null)
            {
                yield return new Delivery(IdOf(noticeId, kind, DeliveryChannel.Email, recipient.Email), noticeId, kind, recipient, DeliveryChannel.Email, letter, data);
            }

            if (recipient.WebhookUrl is not null)
            {
                yield return new Delivery(IdOf(noticeId, kind, DeliveryChannel.Webhook, recipient.WebhookUrl.ToString()), noticeId, kind, recipient, DeliveryChannel.Webhook, letter, data);
            }
        }
    }

    private static string IdOf(string noticeId, string kind, DeliveryChannel channel, string address) =>
        $"{noticeId}_{kind}_{channel.ToString().ToLowerInvariant()}_{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address.ToLowerInvariant())))[..12]}";
}
