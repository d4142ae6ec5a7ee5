using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Storage.Uploads;

/// <summary>The status of one upload. <see cref="Period"/> and <see cref="MunicipalityId"/> are unknown when the blob name is not a valid upload path.</summary>
public sealed record UploadRecord(
    string UploadId,
    string BlobName,
    Period? Period,
    string? MunicipalityId,
    UploadStatus Status,
    DateTimeOffset UpdatedAt)
{
    public string? Error { get; init; }

    public string? RuleSetVersion { get; init; }

    public int SchoolCount { get; init; }

    public int HighCount { get; init; }

    public int MediumCount { get; init; }
}
