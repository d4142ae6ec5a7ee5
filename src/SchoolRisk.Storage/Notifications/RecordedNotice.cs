using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Storage.Notifications;

/// <summary>A notice as recorded in the notifications table, with how its delivery ended (<see cref="Status"/>, <see cref="Reason"/>).</summary>
public sealed record RecordedNotice(
    string NoticeId,
    MunicipalityId MunicipalityId,
    string UploadId,
    NoticeKind Kind,
    RuleSetVersion? RuleSetVersion,
    int HighCount,
    int MediumCount,
    int ProblemCount,
    string Status)
{
    /// <summary>The period the notice is about.</summary>
    public Period Period { get; init; }

    public string? Reason { get; init; }
}
