namespace SchoolRisk.Domain.Notices.Letters;

/// <summary>
/// The links a municipality's letter gives, made when it is sent: read-only links to the upload's error report
/// (<see cref="Report"/>, <c>errors.csv</c>) and to the municipality's analytical note (<see cref="Note"/>), each valid
/// until <see cref="ExpiresOn"/>, and the risk-map page (<see cref="Site"/>, opened with the municipality's key).
/// A link is <c>null</c> when the notice has no such document or the address is not known.
/// </summary>
public sealed record LetterLinks(Uri? Report, Uri? Note, DateTimeOffset ExpiresOn, Uri? Site)
{
    /// <summary>No links: the letter says where the documents are without linking them.</summary>
    public static LetterLinks None { get; } = new(null, null, DateTimeOffset.MinValue, null);
}
