namespace SchoolRisk.Domain.Uploads.Precedence;

/// <summary>
/// Which of a municipality's uploads for a period count: the rule every ingestion follows, apart from storage. Only
/// uploads of the same kind (<see cref="UploadKind"/>: schools' indicators or rubric scores, each with its own history)
/// and other than the new one itself (a redelivered event is the same upload) are compared. The same content as a
/// completed upload is a <see cref="UploadPrecedenceKind.Duplicate"/> (its results stand); the same content as a
/// rejected one is evaluated again (<see cref="UploadStanding.Other"/>). Otherwise a completed or repeated upload whose
/// blob was created later makes the new one <see cref="UploadPrecedenceKind.Superseded"/> (the later file is the
/// municipality's word, whatever order the events arrive in, even when that word repeats the current content);
/// otherwise the new one is evaluated and supersedes every completed one (<see cref="Supersedes"/>).
/// </summary>
/// <param name="Kind">What becomes of the new upload.</param>
/// <param name="Other">The upload it duplicates or is superseded by; <c>null</c> when it is evaluated.</param>
/// <param name="Supersedes">The completed uploads it supersedes once evaluated; empty unless <paramref name="Kind"/> is <see cref="UploadPrecedenceKind.Evaluate"/>.</param>
public sealed record UploadPrecedence(UploadPrecedenceKind Kind, UploadId? Other, IReadOnlyList<UploadId> Supersedes)
{
    /// <summary>What becomes of the new upload, given the uploads recorded before it.</summary>
    /// <param name="path">Where the new upload sits: its kind is compared.</param>
    /// <param name="uploadId">The new upload's id.</param>
    /// <param name="contentHash">The SHA-256 of its content, hex.</param>
    /// <param name="blobCreatedAt">When its blob was created.</param>
    /// <param name="history">The uploads recorded for its municipality and period, the new one possibly among them.</param>
    public static UploadPrecedence Decide(UploadPath path, UploadId uploadId, string contentHash, DateTimeOffset blobCreatedAt, IEnumerable<PriorUpload> history)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(history);
        var earlier = history
            .Where(upload => upload.UploadId != uploadId)
            .Where(upload => UploadPath.TryParse(upload.BlobName, out var other, out _) && other.Kind == path.Kind)
            .ToList();
        if (earlier.FirstOrDefault(upload => upload.ContentHash == contentHash && upload.Standing == UploadStanding.Completed) is { } same)
        {
            return new UploadPrecedence(UploadPrecedenceKind.Duplicate, same.UploadId, []);
        }

        if (earlier.FirstOrDefault(upload => upload.Standing is UploadStanding.Completed or UploadStanding.Repeated && upload.BlobCreatedAt > blobCreatedAt) is { } newer)
        {
            return new UploadPrecedence(UploadPrecedenceKind.Superseded, newer.UploadId, []);
        }

        return new UploadPrecedence(
            UploadPrecedenceKind.Evaluate, null, [.. earlier.Where(upload => upload.Standing == UploadStanding.Completed).Select(upload => upload.UploadId)]);
    }
}
