namespace SchoolRisk.Storage.Uploads;

public enum UploadStatus
{
    /// <summary>Evaluation has started and not finished; a retry completes it.</summary>
    Processing,

    /// <summary>Every school is evaluated and its results written.</summary>
    Completed,

    /// <summary>The file cannot be used; <see cref="UploadRecord.Error"/> says why, in Russian.</summary>
    Failed,
}
