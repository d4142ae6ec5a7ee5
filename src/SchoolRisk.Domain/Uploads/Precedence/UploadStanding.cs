namespace SchoolRisk.Domain.Uploads.Precedence;

/// <summary>What an earlier upload's outcome counts for when a new upload of the same municipality, period and kind arrives.</summary>
public enum UploadStanding
{
    /// <summary>
    /// Processing, failed, rejected or superseded: neither its content nor its time stands against a new upload. A
    /// rejected file sent again is evaluated again, since what refused it (the registry, the rules, the limits) may have
    /// been corrected since; if nothing was, it is refused again with its reason.
    /// </summary>
    Other,

    /// <summary>Evaluated: its results are the municipality's current ones for the period.</summary>
    Completed,

    /// <summary>
    /// A duplicate of a completed upload: the municipality sent the current content again. It has no results of its own,
    /// but its time stands: an upload created before it is the municipality's older word and is superseded by it.
    /// </summary>
    Repeated,
}
