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
/// own delivery on each of its channels.
/// </summary>
public static class DeliveryPlan
{
    public const string MunicipalityNoticeKind = "notice";
    public const string CommitteeAlertKind = "alert";
    public const string DigestKind = "digest";

    /// <param name="notice">The notice.</param>
    /// <param name="directory">Who receives what.</param>
    /// <param name="links">The links the municipality's letter gives, made for this sending.</param>
    public static IReadOnlyList<Delivery> ForNotice(MunicipalityNotice notice, RecipientDirectory directory, LetterLinks links)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(directory);
        var name = directory.NameOf(notice.MunicipalityId.ToString());
        var letter = notice.Kind == NoticeKind.RegistryProblems ? RegistryLetter.Compose(notice, links) : MunicipalityLetter.Compose(notice, name, links);
        var deliveries = To(directory.For(notice.MunicipalityId.ToString()), notice.NoticeId, MunicipalityNoticeKind, letter, notice).ToList();
        if (CommitteeAlert.Compose(notice, name) is { } alert)
        {
            deliveries.AddRange(To(directory.For(RecipientDirectory.Committee), notice.NoticeId, CommitteeAlertKind, alert, notice));
        }

        return deliveries;
    }

    public static IReadOnlyList<Delivery> ForDigest(RegionalDigest digest, RecipientDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(directory);
        return [.. To(directory.For(RecipientDirectory.Committee), digest.Key, DigestKind, DigestLetter.Compose(digest, directory.NameOf), digest)];
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
