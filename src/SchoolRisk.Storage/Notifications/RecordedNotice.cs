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

    /// <summary>Why its delivery is <c>Retrying</c> or <c>Failed</c>, in Russian; <c>null</c> otherwise.</summary>
    public string? Reason { get; init; }

    /// <summary>When the notice was recorded; <c>null</c> for a row written before this was kept.</summary>
    public DateTimeOffset? RecordedAt { get; init; }

    /// <summary>When its status was last set; <c>null</c> while it is <c>Recorded</c>.</summary>
    public DateTimeOffset? StatusAt { get; init; }
}
