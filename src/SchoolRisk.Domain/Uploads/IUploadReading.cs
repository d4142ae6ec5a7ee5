namespace SchoolRisk.Domain.Uploads;

/// <summary>What reading an upload found, whatever its kind: rows read and kept, problems, notes, columns not read.</summary>
public interface IUploadReading
{
    int DataRows { get; }

    int ValidRows { get; }

    int ProblemCount { get; }

    IReadOnlyList<UploadProblem> Problems { get; }

    /// <summary>Rows left out that are not data (a total, a signature), with why.</summary>
    IReadOnlyList<UploadNote> Notes { get; }

    /// <summary>Headers that name nothing the reader knows; their columns were not read.</summary>
    IReadOnlyList<UnrecognisedColumn> UnrecognisedColumns { get; }
}
