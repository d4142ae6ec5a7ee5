using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Domain.Uploads;

/// <summary>What was wrong with an upload: the rejection reason, or the skipped rows' problems. Messages are in Russian.</summary>
public sealed record UploadReport(
    string UploadId,
    string BlobName,
    Period Period,
    string MunicipalityId,
    UploadOutcome Outcome,
    string? RejectionReason,
    int DataRows,
    int ValidRows,
    int ProblemCount,
    IReadOnlyList<UploadProblem> Problems,
    IReadOnlyList<string> IgnoredColumns)
{
    public bool HasErrors => Outcome == UploadOutcome.Rejected || ProblemCount > 0;

    public int SkippedRows => DataRows - ValidRows;

    public static UploadReport Evaluated(UploadPath path, string uploadId, IUploadReading reading)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(reading);
        return new UploadReport(uploadId, path.BlobName, path.Period, path.MunicipalityId, UploadOutcome.Evaluated, null,
            reading.DataRows, reading.ValidRows, reading.ProblemCount, reading.Problems, reading.IgnoredColumns);
    }

    public static UploadReport Rejected(UploadPath path, string uploadId, string reason, IUploadReading? reading)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new UploadReport(uploadId, path.BlobName, path.Period, path.MunicipalityId, UploadOutcome.Rejected, reason,
            reading?.DataRows ?? 0, 0, reading?.ProblemCount ?? 0, reading?.Problems ?? [], reading?.IgnoredColumns ?? []);
    }
}
