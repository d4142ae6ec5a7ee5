namespace SchoolRisk.Domain.Uploads.Precedence;

/// <summary>What becomes of a new upload next to the earlier ones (<see cref="UploadPrecedence"/>).</summary>
public enum UploadPrecedenceKind
{
    /// <summary>Evaluated; it then supersedes <see cref="UploadPrecedence.Supersedes"/>.</summary>
    Evaluate,

    /// <summary>The content of a completed or rejected upload (<see cref="UploadPrecedence.Other"/>): recorded, not evaluated or notified again.</summary>
    Duplicate,

    /// <summary>Older than a completed upload (<see cref="UploadPrecedence.Other"/>), whose results stay: recorded, not evaluated.</summary>
    Superseded,
}
