using System.Security.Cryptography;
using System.Text;

namespace SchoolRisk.Domain.Notices.Deliveries;

/// <summary>
/// Who receives a message of the notices topic: every message carries the application property
/// <see cref="RecipientProperty"/> (a municipality's id, or <c>committee</c>), and each recipient has one subscription,
/// named by <see cref="NameOf"/>, whose only rule is a correlation filter on that property. So a municipality's
/// subscription holds its own notices and nothing else, and the committee's its alerts, digests and the notices about
/// its own files.
/// </summary>
public static class NoticeSubscription
{
    /// <summary>The application property the subscriptions filter on: the recipient's id.</summary>
    public const string RecipientProperty = "recipient";

    /// <summary>The longest subscription name Service Bus allows (Service Bus quotas: "Maximum size of … subscription name: 50 characters").</summary>
    public const int MaxNameLength = 50;

    /// <summary>
    /// The subscription of <paramref name="recipientId"/>: the id itself (a municipality's id is lowercase Latin letters,
    /// digits and «-», which Service Bus allows in a name), or, when it is longer than <see cref="MaxNameLength"/>, its
    /// first 37 characters, «.» and 12 hex digits of its SHA-256, so that two long ids never share a subscription, and
    /// a shortened name, with its «.», which no municipality id has, is never another municipality's own id.
    /// </summary>
    public static string NameOf(string recipientId)
    {
        ArgumentException.ThrowIfNullOrEmpty(recipientId);
        return recipientId.Length <= MaxNameLength
            ? recipientId
            : $"{recipientId[..37]}.{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(recipientId)))[..12]}";
    }
}
