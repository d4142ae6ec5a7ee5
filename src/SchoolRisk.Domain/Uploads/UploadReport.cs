using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Domain.Uploads;

/// <summary>
/// What a user is told of an upload's reading: the rejection reason, or the skipped rows' problems; the columns not
/// recognised (with the indicator each may have meant) and the rows left out as not schools. Messages are in Russian.
/// </summary>
public sealed record UploadReport(
    UploadId UploadId,
    string BlobName,
    Period Period,
    MunicipalityId MunicipalityId,
    UploadOutcome Outcome,
    string? RejectionReason,
    int DataRows,
    int ValidRows,
    int ProblemCount,
    IReadOnlyList<UploadProblem> Problems,
    IReadOnlyList<UnrecognisedColumn> UnrecognisedColumns,
    IReadOnlyList<UploadNote> Notes)
{
    public bool HasErrors => Outcome == UploadOutcome.Rejected || ProblemCount > 0;

    /// <summary>Whether there is anything to tell: errors, columns not recognised, or rows left out.</summary>
    public bool HasFindings => HasErrors || UnrecognisedColumns.Count > 0 || Notes.Count > 0;

    public int SkippedRows => DataRows - ValidRows;

    public static UploadReport Evaluated(UploadPath path, UploadId uploadId, IUploadReading reading)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(reading);
        return new UploadReport(uploadId, path.BlobName, path.Period, path.MunicipalityId, UploadOutcome.Evaluated, null,
            reading.DataRows, reading.ValidRows, reading.ProblemCount, reading.Problems, reading.UnrecognisedColumns, reading.Notes);
    }

    /// <summary>
    /// This report with the problems of rules that could not evaluate some of the upload's schools added
    /// (<c>RuleFailures.ForUpload</c>): <paramref name="listed"/> in full, <paramref name="count"/> in all. A school's row
    /// is still evaluated, only what the failing rule decides is not; a rubric row whose band could not be found is not
    /// evaluated at all (<paramref name="rowsNotEvaluated"/>, counted as skipped).
    /// </summary>
    public UploadReport WithRuleProblems(IReadOnlyList<UploadProblem> listed, int count, int rowsNotEvaluated = 0)
    {
        ArgumentNullException.ThrowIfNull(listed);
        return count == 0 ? this : this with { Problems = [.. Problems, .. listed], ProblemCount = ProblemCount + count, ValidRows = ValidRows - rowsNotEvaluated };
    }

    public static UploadReport Rejected(UploadPath path, UploadId uploadId, string reason, IUploadReading? reading)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new UploadReport(uploadId, path.BlobName, path.Period, path.MunicipalityId, UploadOutcome.Rejected, reason,
            reading?.DataRows ?? 0, 0, reading?.ProblemCount ?? 0, reading?.Problems ?? [], reading?.UnrecognisedColumns ?? [], reading?.Notes ?? []);
    }
}
