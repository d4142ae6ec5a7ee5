using SchoolRisk.Application.Messaging;
using SchoolRisk.Storage.Notifications;

namespace SchoolRisk.Application.Views;

/// <summary>
/// One notice: to whom (<see cref="RecipientId"/>, a municipality's id or <c>committee</c> for a digest), its kind
/// (<c>evaluated</c>, <c>rubricsEvaluated</c>, <c>rulesChanged</c>, <c>rejected</c>, <c>digest</c>,
/// <c>registryProblems</c>) and <see cref="KindTitle"/>; <see cref="Status"/> <c>Recorded</c>, <c>Delivered</c>,
/// <c>Retrying</c> or <c>Failed</c> with <see cref="StatusTitle"/> and the <see cref="Reason"/> (Russian); the
/// schools in the high and medium zone it reports; and its <see cref="Deliveries"/>.
/// </summary>
public sealed record NoticeDeliveryView(
    string NoticeId, string RecipientId, string Kind, string KindTitle, string Status, string StatusTitle, string? Reason,
    DateTimeOffset? RecordedAt, DateTimeOffset? StatusAt, int HighCount, int MediumCount, int ProblemCount, IReadOnlyList<DeliveryView> Deliveries)
{
    /// <summary>The view of <paramref name="notice"/> with <paramref name="deliveries"/>, by channel, recipient and address.</summary>
    public static NoticeDeliveryView Of(RecordedNotice notice, IEnumerable<DeliveryRecord> deliveries)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return new NoticeDeliveryView(
            notice.NoticeId, notice.MunicipalityId.ToString(), System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(notice.Kind.ToString()), PoisonQueues.TitleOf(notice.Kind),
            notice.Status, TitleOf(notice.Status), notice.Reason, notice.RecordedAt, notice.StatusAt, notice.HighCount, notice.MediumCount, notice.ProblemCount,
            [.. deliveries.OrderBy(d => d.Channel).ThenBy(d => d.RecipientId, StringComparer.Ordinal).ThenBy(d => d.Address, StringComparer.Ordinal).Select(DeliveryView.Of)]);
    }

    /// <summary>A notice's status in the words the page shows.</summary>
    public static string TitleOf(string status) => status switch
    {
        NoticeStatus.Delivered => "доставлено",
        NoticeStatus.Retrying => "не доставлено, отправка повторяется",
        NoticeStatus.Failed => "не доставлено: нужно устранить причину",
        _ => "ожидает отправки",
    };
}
