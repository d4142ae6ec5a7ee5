using System.Text.Json;
using SchoolRisk.Domain.Notices.Digest;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Notices.Deliveries;

/// <summary>
/// What a message of the notices topic says about itself, so that a subscriber filters and routes without reading the
/// body: <see cref="MessageId"/> is the delivery's dedupe key (the topic's duplicate detection drops a repeat);
/// <see cref="Subject"/> is the kind of notice in camelCase (<c>evaluated</c>, <c>rubricsEvaluated</c>,
/// <c>rulesChanged</c>, <c>rejected</c>, <c>registryProblems</c>), or <c>alert</c> for the committee's alert about a
/// municipality's notice, or <c>digest</c>; <see cref="Properties"/> are the application properties:
/// <list type="bullet">
/// <item><c>recipient</c>: the municipality's id or <c>committee</c> (<see cref="NoticeSubscription.RecipientProperty"/>, what subscriptions filter on);</item>
/// <item><c>deliveryKind</c>: <c>notice</c>, <c>alert</c> or <c>digest</c>; <c>noticeId</c>: the notice's or digest's key;</item>
/// <item><c>period</c>: the school year, <c>2023-2024</c>; <c>municipality</c>: the municipality the notice is about (not on a digest);</item>
/// <item><c>highZoneSchools</c>, <c>mediumZoneSchools</c>: schools in the high and the medium zone the notice names
/// (a digest: in the region), as integers;</item>
/// <item><c>ruleSetVersion</c>: the rule set that decided the zones, when there is one.</item>
/// </list>
/// </summary>
public sealed record PublishedNotice(string MessageId, string Subject, IReadOnlyDictionary<string, object> Properties)
{
    /// <summary>The description of a <see cref="DeliveryChannel.ServiceBus"/> delivery's message.</summary>
    /// <exception cref="ArgumentException">The delivery's data is neither a notice nor a digest.</exception>
    public static PublishedNotice Of(Delivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var properties = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [NoticeSubscription.RecipientProperty] = delivery.Recipient.RecipientId,
            ["deliveryKind"] = delivery.Kind,
            ["noticeId"] = delivery.NoticeId,
        };
        string subject;
        switch (delivery.Data)
        {
            case MunicipalityNotice notice:
                subject = delivery.Kind == DeliveryPlan.CommitteeAlertKind ? DeliveryPlan.CommitteeAlertKind : JsonNamingPolicy.CamelCase.ConvertName(notice.Kind.ToString());
                properties["period"] = notice.Period.ToString();
                properties["municipality"] = notice.MunicipalityId.ToString();
                properties["highZoneSchools"] = notice.Schools.Count(school => school.Zone == Zone.High);
                properties["mediumZoneSchools"] = notice.Schools.Count(school => school.Zone == Zone.Medium);
                if (notice.RuleSetVersion is { } version)
                {
                    properties["ruleSetVersion"] = version.ToString();
                }

                break;
            case RegionalDigest digest:
                subject = DeliveryPlan.DigestKind;
                properties["period"] = digest.Period.ToString();
                properties["highZoneSchools"] = digest.Municipalities.Sum(row => row.High);
                properties["mediumZoneSchools"] = digest.Municipalities.Sum(row => row.Medium);
                break;
            default:
                throw new ArgumentException($"A delivery of {delivery.Data.GetType().Name} is not a notice or a digest.", nameof(delivery));
        }

        return new PublishedNotice(delivery.DeliveryId, subject, properties);
    }

    /// <summary>
    /// What a message's <see cref="Subject"/> means, in Russian, for a person reading the subscription (for example
    /// «итоги оценки» for <c>evaluated</c>); a subject this product does not publish is returned as it is.
    /// </summary>
    public static string TitleOf(string subject) => subject switch
    {
        "evaluated" => "итоги оценки",
        "rubricsEvaluated" => "итоги по рубрикаторам",
        "rulesChanged" => "правила изменились",
        "rejected" => "файл не принят",
        "registryProblems" => "ошибки в реестре",
        DeliveryPlan.CommitteeAlertKind => "сигнал комитету",
        DeliveryPlan.DigestKind => "сводка по региону",
        _ => subject,
    };
}
