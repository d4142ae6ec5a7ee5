using SchoolRisk.Domain.Uploads;

namespace SchoolRisk.Domain.Notices;

/// <summary>
/// What a notice says of an upload's reading: the rejection reason, counts and the first problems; every column not
/// recognised (with the indicator it may have meant), the first rows left out as not schools; and where the full
/// report is.
/// </summary>
public sealed record UploadSummary(
    string? RejectionReason, int DataRows, int SkippedRows, int ProblemCount, IReadOnlyList<string> FirstProblems, ReportLinks? Report)
{
    /// <summary>One message per column whose header names nothing known, each with the closest indicator: all of them.</summary>
    public IReadOnlyList<string> Unrecognised { get; init; } = [];

    /// <summary>How many rows were left out as not schools (a total, a signature).</summary>
    public int NoteCount { get; init; }

    /// <summary>The first <see cref="MunicipalityNotice.QuotedProblems"/> of those rows' notes.</summary>
    public IReadOnlyList<string> FirstNotes { get; init; } = [];

    public static UploadSummary Of(UploadReport report, ReportLinks? links)
    {
        ArgumentNullException.ThrowIfNull(report);
        var file = report.BlobName.Split('/')[^1];
        return new UploadSummary(
            report.RejectionReason,
            report.DataRows,
            report.SkippedRows,
            report.ProblemCount,
            [.. report.Problems.Take(MunicipalityNotice.QuotedProblems).Select(problem => problem.Message)],
            links)
        {
            Unrecognised = [.. report.UnrecognisedColumns.Select(column => column.Message(file))],
            NoteCount = report.Notes.Count,
            FirstNotes = [.. report.Notes.Take(MunicipalityNotice.QuotedProblems).Select(note => note.Message)],
        };
    }
}
