namespace SchoolRisk.Domain.Uploads.Precedence;

/// <summary>What becomes of a new upload next to the earlier ones (<see cref="UploadPrecedence"/>).</summary>
public enum UploadPrecedenceKind
{
    /// <summary>Evaluated; it then supersedes <see cref="UploadPrecedence.Supersedes"/>.</summary>
    Evaluate,

    /// <summary>The content of a completed upload (<see cref="UploadPrecedence.Other"/>), whose results stand: recorded, not evaluated or notified again.</summary>
    Duplicate,

    /// <summary>Older than a completed or repeated upload (<see cref="UploadPrecedence.Other"/>), whose results stay: recorded, not evaluated.</summary>
    Superseded,
}
