using SchoolRisk.Domain.Uploads;

namespace SchoolRisk.Domain.Notices;

/// <summary>What a notice says of an upload's problems: counts, the first messages, and where the full report is.</summary>
public sealed record UploadSummary(
    string? RejectionReason, int DataRows, int SkippedRows, int ProblemCount, IReadOnlyList<string> FirstProblems, ReportLinks? Report)
{
    public static UploadSummary Of(UploadReport report, ReportLinks? links)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new UploadSummary(
            report.RejectionReason,
            report.DataRows,
            report.SkippedRows,
            report.ProblemCount,
            [.. report.Problems.Take(MunicipalityNotice.QuotedProblems).Select(problem => problem.Message)],
            links);
    }
}
