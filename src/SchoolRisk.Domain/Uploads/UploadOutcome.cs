namespace SchoolRisk.Domain.Uploads;

/// <summary>How reading an upload ended.</summary>
public enum UploadOutcome
{
    /// <summary>Valid rows were evaluated; skipped rows, if any, are in the report.</summary>
    Evaluated,

    /// <summary>A structural error: nothing was evaluated.</summary>
    Rejected,
}
