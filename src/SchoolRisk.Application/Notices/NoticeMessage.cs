using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Application.Notices;

/// <summary>
/// The message on <c>risk-notifications</c>: which notice (<see cref="NoticeId"/>, of <see cref="MunicipalityId"/> in
/// <see cref="Period"/>), and the blob in the notices container that holds it (<see cref="NoticeBlob"/>): a queue message
/// holds at most 64 KiB, a notice can be larger. A message whose municipality or period does not read fails its
/// invocation, and the queue retries it, then poisons it.
/// </summary>
public sealed record NoticeMessage(string NoticeId, MunicipalityId MunicipalityId, Period Period, string NoticeBlob)
{
    /// <summary>The message of <paramref name="notice"/>, written to <paramref name="noticeBlob"/>.</summary>
    public static NoticeMessage Of(MunicipalityNotice notice, string noticeBlob)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return new NoticeMessage(notice.NoticeId, notice.MunicipalityId, notice.Period, noticeBlob);
    }
}
