using SchoolRisk.Domain.Notices;

namespace SchoolRisk.Application.Notices;

/// <summary>
/// The message on <c>risk-notifications</c>: which notice (<see cref="NoticeId"/>, of <see cref="MunicipalityId"/> in
/// <see cref="Period"/>, like <c>2023-2024</c>), and the blob in the notices container that holds it
/// (<see cref="NoticeBlob"/>): a queue message holds at most 64 KiB, a notice can be larger.
/// </summary>
public sealed record NoticeMessage(string NoticeId, string MunicipalityId, string Period, string NoticeBlob)
{
    /// <summary>The message of <paramref name="notice"/>, written to <paramref name="noticeBlob"/>.</summary>
    public static NoticeMessage Of(MunicipalityNotice notice, string noticeBlob)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return new NoticeMessage(notice.NoticeId, notice.MunicipalityId, notice.Period.ToString(), noticeBlob);
    }
}
