namespace SchoolRisk.Storage.Uploads;

/// <summary>Where an upload stands, as its record in the upload status table says (the <c>Status</c> column, the member's name).</summary>
public enum UploadStatus
{
    /// <summary>Evaluation has started and not finished; a retry completes it.</summary>
    Processing,

    /// <summary>Valid rows are evaluated and their results are the municipality's current results for the period.</summary>
    Completed,

    /// <summary>The file has a structural error; nothing was evaluated. <see cref="UploadRecord.Error"/> says why, in Russian.</summary>
    Rejected,

    /// <summary>Same content as the completed upload <see cref="UploadRecord.DuplicateOf"/>: not evaluated or notified again; its results stand.</summary>
    Duplicate,

    /// <summary>Was completed; a later upload for the same period (<see cref="UploadRecord.SupersededBy"/>) replaced its results.</summary>
    Superseded,

    /// <summary>The system failed while processing; the message is retried, then kept in the poison queue.</summary>
    Failed,
}
