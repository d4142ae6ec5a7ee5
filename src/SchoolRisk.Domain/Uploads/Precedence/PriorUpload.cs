namespace SchoolRisk.Domain.Uploads.Precedence;

/// <summary>
/// An upload of the same municipality and period seen by <see cref="UploadPrecedence.Decide"/>: its id, its blob name in
/// the uploads container (which tells its <see cref="UploadKind"/>), the SHA-256 of its content (hex; <c>null</c> before
/// it was computed), how it stands, and when its blob was created (<c>null</c> when not recorded).
/// </summary>
public sealed record PriorUpload(UploadId UploadId, string BlobName, string? ContentHash, UploadStanding Standing, DateTimeOffset? BlobCreatedAt);
