namespace SchoolRisk.Domain.Notices;

public enum NoticeKind
{
    /// <summary>The upload was evaluated: schools in risk zones, and skipped rows if any.</summary>
    Evaluated,

    /// <summary>The upload was rejected: nothing was evaluated.</summary>
    Rejected,
}
