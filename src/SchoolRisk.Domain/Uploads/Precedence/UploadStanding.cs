namespace SchoolRisk.Domain.Uploads.Precedence;

/// <summary>What an earlier upload's outcome counts for when a new upload of the same municipality, period and kind arrives.</summary>
public enum UploadStanding
{
    /// <summary>Processing, failed, a duplicate or superseded: neither its content nor its time stands against a new upload.</summary>
    Other,

    /// <summary>Evaluated: its results are the municipality's current ones for the period.</summary>
    Completed,

    /// <summary>Refused as a whole (a structural error); what it said stands for the same content.</summary>
    Rejected,
}
