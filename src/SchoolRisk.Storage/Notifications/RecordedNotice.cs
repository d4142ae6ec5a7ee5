using SchoolRisk.Domain.Notices;

namespace SchoolRisk.Storage.Notifications;

/// <summary>A notice as recorded in the notifications table, with how its delivery ended (<see cref="Status"/>, <see cref="Reason"/>).</summary>
public sealed record RecordedNotice(
    string NoticeId,
    string MunicipalityId,
    string UploadId,
    NoticeKind Kind,
    string? RuleSetVersion,
    int HighCount,
    int MediumCount,
    int ProblemCount,
    string Status)
{
    public string? Reason { get; init; }
}
