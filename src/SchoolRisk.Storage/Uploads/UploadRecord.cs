using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Uploads;

namespace SchoolRisk.Storage.Uploads;

/// <summary>The status of one upload. <see cref="Period"/> and <see cref="MunicipalityId"/> are unknown when the blob name is not a valid upload path.</summary>
public sealed record UploadRecord(
    UploadId UploadId,
    string BlobName,
    Period? Period,
    MunicipalityId? MunicipalityId,
    UploadStatus Status,
    DateTimeOffset UpdatedAt)
{
    /// <summary>When the blob was created: later uploads supersede earlier ones.</summary>
    public DateTimeOffset? BlobCreatedAt { get; init; }

    /// <summary>SHA-256 of the file's content, hex: the same content twice is a duplicate.</summary>
    public string? ContentHash { get; init; }

    public string? Error { get; init; }

    public RuleSetVersion? RuleSetVersion { get; init; }

    public int DataRows { get; init; }

    public int SchoolCount { get; init; }

    /// <summary>Rubric results evaluated (rubric uploads).</summary>
    public int RubricCount { get; init; }

    public int SkippedRows { get; init; }

    public int ProblemCount { get; init; }

    /// <summary>Schools (or, for rubric uploads, rubrics) in the high zone.</summary>
    public int HighCount { get; init; }

    /// <summary>Schools (or, for rubric uploads, rubrics) in the medium zone.</summary>
    public int MediumCount { get; init; }

    /// <summary>Blob name, in the reports container, of the error report as JSON.</summary>
    public string? ReportJson { get; init; }

    /// <summary>Blob name, in the reports container, of the error report as CSV.</summary>
    public string? ReportCsv { get; init; }

    public UploadId? DuplicateOf { get; init; }

    public UploadId? SupersededBy { get; init; }
}
